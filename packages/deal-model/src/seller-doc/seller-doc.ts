import * as Y from 'yjs';
import { readStakeholderNotes, removeStakeholderNote, stakeholderNotesMap } from '../private-notes/index.ts';
import { type BlockerPlan, blockerPlansMap, readBlockerPlans, removeBlockerPlan } from './blocker-plans.ts';
import { INSIGHT_FIELDS, type Insight, insightMap, readInsight } from './insight.ts';

/** The seller document (room `<dealId>/seller`) as a plain snapshot. */
export interface SellerDocSnapshot {
  notes: string;
  stakeholderNotes: Record<string, string>;
  blockerPlans: Record<string, BlockerPlan>;
  insight: Insight;
}

/** Creates the seller document's initial state (the insight's three Y.Texts); safe to call twice. */
export function initSellerDoc(doc: Y.Doc): void {
  doc.transact(() => {
    doc.getText('notes');
    stakeholderNotesMap(doc);
    blockerPlansMap(doc);
    const insight = insightMap(doc);
    for (const field of INSIGHT_FIELDS) if (!insight.has(field)) insight.set(field, new Y.Text());
  });
}

/** Reads the whole seller document. */
export function readSellerDoc(doc: Y.Doc): SellerDocSnapshot {
  return {
    notes: doc.getText('notes').toString(),
    stakeholderNotes: readStakeholderNotes(doc),
    blockerPlans: readBlockerPlans(doc),
    insight: readInsight(doc),
  };
}

/** Removes what the seller document holds about a stakeholder (note and Blocker plan), in one transaction. */
export function forgetStakeholderInSellerDoc(doc: Y.Doc, stakeholderId: string): void {
  doc.transact(() => {
    removeStakeholderNote(doc, stakeholderId);
    removeBlockerPlan(doc, stakeholderId);
  });
}
