import type * as Y from 'yjs';
import { type OpenedDoc, readStored } from '../documents/index.ts';

export type { OpenedDoc };

/** Opens a room's document (the sync engine's `openDoc`). */
export type OpenSharedDoc = (room: string) => OpenedDoc | Promise<OpenedDoc>;

/**
 * Reads a deal's shared document (room `<dealId>`): opens it, runs `read` on its stored state, and releases it
 * whatever happens. Only the shared room is ever opened here; guides never read the seller or buyer documents.
 */
export async function readSharedDoc<T>(openDoc: OpenSharedDoc, dealId: string, read: (doc: Y.Doc) => T): Promise<T> {
  const opened = await openDoc(dealId);
  try {
    return await readStored([opened], () => read(opened.doc));
  } finally {
    opened.release();
  }
}
