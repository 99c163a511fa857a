/** One server-sent event as a test reads it. */
export interface SseEvent {
  event: string;
  data: string;
}

/** Reads a server-sent event stream in the background; tests wait for the events they expect. */
export function readSse(response: Response) {
  const events: SseEvent[] = [];
  let raw = '';
  let ended = false;
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const done = (async () => {
    let buffer = '';
    for (;;) {
      const { done: finished, value } = await reader.read();
      if (finished) break;
      raw += value;
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
        const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
        events.push({ event, data });
      }
    }
    ended = true;
  })().catch(() => {
    ended = true;
  });
  return {
    events,
    /** Everything received so far, as text. */
    raw: () => raw,
    ended: () => ended,
    /** Resolves once an event matching `test` arrived (polls; the test runner's timeout bounds it). */
    async next(test: (event: SseEvent) => boolean): Promise<SseEvent> {
      for (;;) {
        const found = events.find(test);
        if (found) return found;
        if (ended) throw new Error(`the stream ended before the event arrived; got ${JSON.stringify(events)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: async () => {
      await reader.cancel().catch(() => undefined);
      await done;
    },
  };
}
