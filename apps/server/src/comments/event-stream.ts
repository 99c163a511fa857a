import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';

/** What a live stream's producer may do. */
export interface LiveStream {
  /** Queues an event (JSON data); events are written in the order they were sent. */
  send(event: string, data: unknown): void;
  /** Writes `event` (when given) after everything queued, then ends the stream. */
  finish(event?: string): void;
}

/** Options of {@link liveStream}. */
export interface LiveStreamOptions {
  /** Interval of the `ping` event that keeps proxies from closing an idle stream and lets clients notice a dead one. */
  heartbeatMs: number;
  /**
   * Asked at every heartbeat: `true` to go on, or the name of the last event to send before ending (`signed-out`
   * when the session ended, `revoked` when the reader lost access).
   */
  check: () => Promise<true | string>;
  /** Aborting it ends the stream (server shutdown). */
  shutdown?: AbortSignal;
  /** Events queued for a client that does not read before the stream is ended (it reconnects and reloads). */
  maxQueued?: number;
  log?: (message: string, error: unknown) => void;
}

/**
 * A server-sent event stream fed by `start`, which subscribes to whatever produces events and returns how to
 * unsubscribe. Writes are ordered and bounded; the stream ends when the client goes, at shutdown, when `check` says
 * so, or when the producer calls `finish`.
 */
export function liveStream(
  c: Context,
  {
    heartbeatMs,
    check,
    shutdown,
    maxQueued = 1_000,
    log = (message, error) => console.warn(message, error),
  }: LiveStreamOptions,
  start: (stream: LiveStream) => (() => void) | Promise<() => void>,
): Response {
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    let end: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => {
      end = resolve;
      stream.onAbort(resolve);
      if (shutdown?.aborted) resolve();
      shutdown?.addEventListener('abort', () => resolve(), { once: true });
    });
    let queue = Promise.resolve();
    let queued = 0;
    let finishing = false;
    const write = (event: string, data: string) => {
      if (queued >= maxQueued) {
        end();
        return;
      }
      queued += 1;
      queue = queue
        .then(() => (stream.aborted ? undefined : stream.writeSSE({ event, data })))
        .catch((error: unknown) => {
          log('[events] could not write to an event stream', error);
          end();
        })
        .finally(() => {
          queued -= 1;
        });
    };
    const live: LiveStream = {
      send: (event, data) => {
        if (!finishing) write(event, JSON.stringify(data));
      },
      finish: (event) => {
        if (finishing) return;
        finishing = true;
        if (event) write(event, '');
        void queue.then(end);
      },
    };
    const heartbeat = setInterval(() => {
      void check().then(
        (verdict) => (verdict === true ? live.send('ping', '') : live.finish(verdict)),
        // The database is unreachable for a moment: keep the stream rather than sign everyone out.
        (error: unknown) => log('[events] could not check an event stream`s reader', error),
      );
    }, heartbeatMs);
    let stop: () => void = () => undefined;
    try {
      stop = await start(live);
      await closed;
    } finally {
      clearInterval(heartbeat);
      stop();
    }
  });
}
