import type * as Y from 'yjs';
import { readStakeholderNotes, removeStakeholderNote, stakeholderNotesMap } from '../private-notes/index.ts';

/** The buyer document (room `<dealId>/buyer`) as a plain snapshot. */
export interface BuyerDocSnapshot {
  notes: string;
  stakeholderNotes: Record<string, string>;
}

/** Creates the buyer document's initial state (its top-level types); safe to call twice. */
export function initBuyerDoc(doc: Y.Doc): void {
  doc.transact(() => {
    doc.getText('notes');
    stakeholderNotesMap(doc);
  });
}

/** Reads the whole buyer document. */
export function readBuyerDoc(doc: Y.Doc): BuyerDocSnapshot {
  return { notes: doc.getText('notes').toString(), stakeholderNotes: readStakeholderNotes(doc) };
}

/** Removes the buyer's note about a stakeholder. */
export function forgetStakeholderInBuyerDoc(doc: Y.Doc, stakeholderId: string): void {
  removeStakeholderNote(doc, stakeholderId);
}
