import type * as Y from 'yjs';

/** A document opened for a server-side read; `release()` lets the engine unload it again. */
export interface OpenedDoc {
  doc: Y.Doc;
  /** Resolves at a moment when everything applied to `doc` is stored (the engine's `OpenDoc.whenStored`). */
  whenStored?(): Promise<void>;
  /** Whether everything applied to `doc` is stored right now. */
  isStored?(): boolean;
  release(): void;
}

/** How many times a read waits for storage to catch up before it gives up. */
const STORED_READ_ATTEMPTS = 20;

/** Storage did not settle for a read of stored state (answered 503: try again). */
export class StoredReadTimeout extends Error {
  override name = 'StoredReadTimeout';
}

/**
 * Runs `read` synchronously at a moment when every one of `docs` holds only stored changes, so a page, a PDF or a
 * status never shows an edit a crash could take back (DESIGN.md 4: server-side reads see only stored state).
 */
export async function readStored<T>(docs: readonly OpenedDoc[], read: () => T): Promise<T> {
  for (let attempt = 0; attempt < STORED_READ_ATTEMPTS; attempt++) {
    if (docs.every((opened) => opened.isStored?.() ?? true)) return read();
    await Promise.all(docs.map((opened) => opened.whenStored?.())).catch((error: unknown) => {
      throw new StoredReadTimeout('storage did not catch up with the document', { cause: error });
    });
  }
  throw new StoredReadTimeout('the document kept changing faster than it was stored');
}
