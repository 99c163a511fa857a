import type * as Y from 'yjs';
import { readNumber, readString, transactOn, writeField } from '../records/index.ts';
import { sharedMaps } from './shared-maps.ts';

/** The deal's `meta` map as a plain snapshot. */
export interface DealMeta {
  title: string;
  /** The buyer company. */
  buyer: string;
  /** The seller company. */
  seller: string;
  /** 0 when the document was never initialised. */
  schemaVersion: number;
}

/** Reads `meta`. */
export function readMeta(doc: Y.Doc): DealMeta {
  const { meta } = sharedMaps(doc);
  return {
    title: readString(meta, 'title'),
    buyer: readString(meta, 'buyer'),
    seller: readString(meta, 'seller'),
    schemaVersion: readNumber(meta, 'schemaVersion', 0),
  };
}

/** Updates `title`, `buyer` or `seller` in `meta`. */
export function updateMeta(doc: Y.Doc, patch: Partial<Pick<DealMeta, 'title' | 'buyer' | 'seller'>>): void {
  const { meta } = sharedMaps(doc);
  transactOn(meta, () => {
    for (const key of ['title', 'buyer', 'seller'] as const) writeField(meta, key, patch[key]);
  });
}
