import * as Y from 'yjs';
import { initSharedDoc } from '../shared-doc/index.ts';

/** Sends each document the updates it lacks from the other (what a sync server relays), both ways. */
export function exchangeUpdates(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

/** Two peers (say the seller and the Mobilizer) holding the same freshly initialised shared document. */
export function twoPeers(): { seller: Y.Doc; mobilizer: Y.Doc } {
  const seller = new Y.Doc();
  initSharedDoc(seller, { title: 'Laptop refresh', buyer: 'Nordwind', seller: 'Acme' });
  const mobilizer = new Y.Doc();
  Y.applyUpdate(mobilizer, Y.encodeStateAsUpdate(seller));
  return { seller, mobilizer };
}

/** A fresh, initialised shared document. */
export function newDeal(): Y.Doc {
  const doc = new Y.Doc();
  initSharedDoc(doc, { title: 'Laptop refresh', buyer: 'Nordwind', seller: 'Acme' });
  return doc;
}
