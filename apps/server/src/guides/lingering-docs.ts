import type { OpenedDoc, OpenSharedDoc } from './open-shared-doc.ts';

/** Options of {@link lingeringDocs}. */
export interface LingeringDocsOptions {
  /** How long a room stays open after its last reader released it (default 10 s). */
  lingerMs?: number;
}

interface Held {
  opened: Promise<OpenedDoc>;
  readers: number;
  timer?: NodeJS.Timeout;
}

/**
 * Wraps the engine's `openDoc` for the guide pages: concurrent and closely following reads of a room share one
 * open document, which stays loaded (and live: the engine keeps applying its updates) for `lingerMs` after the last
 * reader, so a burst of anonymous page loads costs one room load instead of one per request.
 */
export function lingeringDocs(openDoc: OpenSharedDoc, { lingerMs = 10_000 }: LingeringDocsOptions = {}): OpenSharedDoc {
  const held = new Map<string, Held>();
  return async (room) => {
    let entry = held.get(room);
    if (!entry) {
      const opening = Promise.resolve().then(() => openDoc(room));
      const created: Held = { opened: opening, readers: 0 };
      opening.catch(() => {
        if (held.get(room) === created) held.delete(room);
      });
      held.set(room, created);
      entry = created;
    }
    const current = entry;
    current.readers += 1;
    clearTimeout(current.timer);
    let opened: OpenedDoc;
    try {
      opened = await current.opened;
    } catch (error) {
      current.readers -= 1;
      throw error;
    }
    let released = false;
    return {
      doc: opened.doc,
      whenStored: opened.whenStored ? () => opened.whenStored!() : undefined,
      isStored: opened.isStored ? () => opened.isStored!() : undefined,
      release() {
        if (released) return;
        released = true;
        current.readers -= 1;
        if (current.readers > 0) return;
        current.timer = setTimeout(() => {
          if (current.readers > 0 || held.get(room) !== current) return;
          held.delete(room);
          opened.release();
        }, lingerMs);
        current.timer.unref();
      },
    };
  };
}
