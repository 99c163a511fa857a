import * as Y from 'yjs';
import {
  type MobilizerTest,
  mobilizerTestsMap,
  readMobilizerTests,
  removeMobilizerTest,
} from '../mobilizer-test/mobilizer-tests.ts';
import { readStakeholderNotes, removeStakeholderNote, stakeholderNotesMap } from '../private-notes/index.ts';
import { ensureQualification, type Qualification, readQualification } from '../qualification/qualification.ts';
import { type BlockerPlan, blockerPlansMap, readBlockerPlans, removeBlockerPlan } from './blocker-plans.ts';
import {
  INSIGHT_FIELDS,
  type Insight,
  insightBreaksArray,
  insightMap,
  readInsight,
  readInsightBreaks,
} from './insight.ts';

/** The seller document (room `<dealId>/seller`) as a plain snapshot. */
export interface SellerDocSnapshot {
  notes: string;
  stakeholderNotes: Record<string, string>;
  blockerPlans: Record<string, BlockerPlan>;
  insight: Insight;
  /** Beliefs of the current mental model the insight breaks (ids, unchecked: the shared document is another room). */
  insightBreaks: string[];
  mobilizerTests: Record<string, MobilizerTest>;
  qualification: Qualification;
}

/**
 * Creates the seller document's initial state (the insight's three Y.Texts and `breaksNodeIds`, the
 * `mobilizerTests` map, the qualification's maps); safe to call twice.
 */
export function initSellerDoc(doc: Y.Doc): void {
  doc.transact(() => {
    doc.getText('notes');
    stakeholderNotesMap(doc);
    blockerPlansMap(doc);
    const insight = insightMap(doc);
    for (const field of INSIGHT_FIELDS) if (!insight.has(field)) insight.set(field, new Y.Text());
    insightBreaksArray(doc);
    mobilizerTestsMap(doc);
    ensureQualification(doc);
  });
}

/** Reads the whole seller document. */
export function readSellerDoc(doc: Y.Doc): SellerDocSnapshot {
  return {
    notes: doc.getText('notes').toString(),
    stakeholderNotes: readStakeholderNotes(doc),
    blockerPlans: readBlockerPlans(doc),
    insight: readInsight(doc),
    insightBreaks: readInsightBreaks(doc),
    mobilizerTests: readMobilizerTests(doc),
    qualification: readQualification(doc),
  };
}

/** Removes what the seller document holds about a stakeholder (note, Blocker plan, Mobilizer test), in one transaction. */
export function forgetStakeholderInSellerDoc(doc: Y.Doc, stakeholderId: string): void {
  doc.transact(() => {
    removeStakeholderNote(doc, stakeholderId);
    removeBlockerPlan(doc, stakeholderId);
    removeMobilizerTest(doc, stakeholderId);
  });
}
