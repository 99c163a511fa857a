import * as Y from 'yjs';
import { readBoolean, readEnum, readString } from '../records/index.ts';
import {
  assertOneOf,
  BLOCKER_ACTIONS,
  type BlockerAction,
  type BlockerAnswers,
  suggestBlockerAction,
} from '../vocabulary/index.ts';

/** A plan for one Blocker (seller document): seed 003's three questions and the chosen action. */
export interface BlockerPlan extends BlockerAnswers {
  stakeholderId: string;
  /** The chosen action, or null while none is chosen. */
  action: BlockerAction | null;
}

/** Fields to write into a Blocker plan. */
export type BlockerPlanPatch = Partial<Omit<BlockerPlan, 'stakeholderId'>>;

/** The seller document's `blockerPlans` map (stakeholder id → Y.Map). */
export function blockerPlansMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('blockerPlans');
}

function readPlanRecord(stakeholderId: string, record: Y.Map<unknown>): BlockerPlan {
  return {
    stakeholderId,
    persuadableByOthers: readBoolean(record, 'persuadableByOthers', null),
    reasonable: readBoolean(record, 'reasonable', null),
    specialConcern: readString(record, 'specialConcern'),
    action: readEnum(record, 'action', BLOCKER_ACTIONS, null),
  };
}

/**
 * Writes a Blocker's plan (created if missing) in one transaction. When the patch changes an answer but
 * names no `action`, the action becomes the one the three questions lead to ({@link suggestBlockerAction}).
 */
export function updateBlockerPlan(doc: Y.Doc, stakeholderId: string, patch: BlockerPlanPatch): void {
  if (patch.action !== undefined && patch.action !== null) assertOneOf('action', patch.action, BLOCKER_ACTIONS);
  const plans = blockerPlansMap(doc);
  doc.transact(() => {
    let record = plans.get(stakeholderId);
    if (!(record instanceof Y.Map)) {
      record = new Y.Map<unknown>();
      plans.set(stakeholderId, record);
    }
    for (const key of ['persuadableByOthers', 'reasonable', 'specialConcern', 'action'] as const) {
      if (patch[key] !== undefined) record.set(key, patch[key]);
    }
    const answered =
      patch.persuadableByOthers !== undefined || patch.reasonable !== undefined || patch.specialConcern !== undefined;
    if (answered && patch.action === undefined)
      record.set('action', suggestBlockerAction(readPlanRecord(stakeholderId, record)));
  });
}

/** Removes a Blocker's plan. */
export function removeBlockerPlan(doc: Y.Doc, stakeholderId: string): void {
  blockerPlansMap(doc).delete(stakeholderId);
}

/** One Blocker's plan, or undefined. */
export function readBlockerPlan(doc: Y.Doc, stakeholderId: string): BlockerPlan | undefined {
  const record = blockerPlansMap(doc).get(stakeholderId);
  return record instanceof Y.Map ? readPlanRecord(stakeholderId, record) : undefined;
}

/** Every Blocker plan, by stakeholder id (including plans of stakeholders since removed from the shared doc). */
export function readBlockerPlans(doc: Y.Doc): Record<string, BlockerPlan> {
  const out: Record<string, BlockerPlan> = {};
  for (const [id, record] of blockerPlansMap(doc).entries()) {
    if (record instanceof Y.Map) out[id] = readPlanRecord(id, record);
  }
  return out;
}

/** True when a plan counts as a plan: an action other than `none` is chosen. */
export function hasBlockerPlan(plan: BlockerPlan | undefined): boolean {
  return plan?.action != null && plan.action !== 'none';
}
