import * as Y from 'yjs';
import {
  createRecord,
  getRecord,
  readBoolean,
  readNumber,
  readRecords,
  readString,
  reorderRecord,
  updateRecord,
  type YRecordMap,
} from '../records/index.ts';
import { sharedMaps } from '../shared-doc/shared-maps.ts';
import { isPlanStageId, PLAN_STAGES, type PlanStageId } from '../vocabulary/index.ts';

/** A customer verifier: something the customer did, ticked by either side. */
export interface Verifier {
  id: string;
  text: string;
  done: boolean;
  /** Who ticked it (whatever the caller passed: a user id or display name), or null. */
  doneBy: string | null;
  /** When it was ticked (ISO 8601), or null. */
  doneAt: string | null;
  /** Who owns it in the mutual plan: a stakeholder id or a deal member's user id, or null. */
  owner: string | null;
  /** When it is due: an ISO date (`YYYY-MM-DD`), or null. */
  dueDate: string | null;
  order: number;
}

/** A plan stage with its verifiers, as a plain snapshot. */
export interface PlanStage {
  id: PlanStageId;
  label: string;
  question: string;
  verifiers: Verifier[];
  /** True when the stage has at least one verifier and all are done. */
  done: boolean;
}

function assertStage(stageId: PlanStageId): void {
  if (!isPlanStageId(stageId)) throw new RangeError(`unknown plan stage: ${String(stageId)}`);
}

/** The stage's `verifiers` map, created (with the stage map) when missing. Call inside a transaction. */
export function ensureStageVerifiers(doc: Y.Doc, stageId: PlanStageId): YRecordMap {
  assertStage(stageId);
  const { plan } = sharedMaps(doc);
  let stage = getRecord(plan, stageId);
  if (!stage) {
    stage = new Y.Map<unknown>();
    plan.set(stageId, stage);
  }
  let verifiers = stage.get('verifiers');
  if (!(verifiers instanceof Y.Map)) {
    verifiers = new Y.Map<Y.Map<unknown>>();
    stage.set('verifiers', verifiers);
  }
  return verifiers as YRecordMap;
}

function stageVerifiers(doc: Y.Doc, stageId: PlanStageId): YRecordMap | undefined {
  const verifiers = getRecord(sharedMaps(doc).plan, stageId)?.get('verifiers');
  return verifiers instanceof Y.Map ? (verifiers as YRecordMap) : undefined;
}

function requireVerifiers(doc: Y.Doc, stageId: PlanStageId, id: string): YRecordMap {
  assertStage(stageId);
  const verifiers = stageVerifiers(doc, stageId);
  if (!verifiers || !getRecord(verifiers, id)) throw new RangeError(`unknown verifier: ${id}`);
  return verifiers;
}

/** Adds a verifier to a stage and returns its id. */
export function addVerifier(
  doc: Y.Doc,
  stageId: PlanStageId,
  { text, order }: { text: string; order?: number },
): string {
  let id = '';
  doc.transact(() => {
    id = createRecord(ensureStageVerifiers(doc, stageId), { text, done: false, doneBy: null, doneAt: null, order });
  });
  return id;
}

/** What {@link updateVerifier} may change; `null` clears the owner or the due date. */
export interface VerifierPatch {
  text?: string;
  /** A stakeholder id or a deal member's user id (the caller checks membership), or null. */
  owner?: string | null;
  /** An ISO date `YYYY-MM-DD`, or null. */
  dueDate?: string | null;
}

/** Changes a verifier's text, owner or due date. Throws a `RangeError` naming the field for a bad value. */
export function updateVerifier(doc: Y.Doc, stageId: PlanStageId, id: string, patch: VerifierPatch): void {
  const { text, owner, dueDate } = patch;
  if (owner !== undefined && owner !== null && (typeof owner !== 'string' || owner.trim() === '')) {
    throw new RangeError('owner: must be a stakeholder id, a member id or null');
  }
  if (dueDate !== undefined && dueDate !== null && !isIsoDate(dueDate)) {
    throw new RangeError('dueDate: must be a date as YYYY-MM-DD or null');
  }
  updateRecord(requireVerifiers(doc, stageId, id), id, 'verifier', { text, owner, dueDate });
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function readDueDate(value: unknown): string | null {
  return isIsoDate(value) ? value : null;
}

/** Ticks a verifier: `done` true, with who (`by`) and when (`at`, default now, ISO 8601). */
export function tickVerifier(
  doc: Y.Doc,
  stageId: PlanStageId,
  id: string,
  { by, at = new Date().toISOString() }: { by: string; at?: string },
): void {
  updateRecord(requireVerifiers(doc, stageId, id), id, 'verifier', { done: true, doneBy: by, doneAt: at });
}

/** Unticks a verifier: `done` false, `doneBy` and `doneAt` cleared. */
export function untickVerifier(doc: Y.Doc, stageId: PlanStageId, id: string): void {
  updateRecord(requireVerifiers(doc, stageId, id), id, 'verifier', { done: false, doneBy: null, doneAt: null });
}

/** Moves a verifier to position `toIndex` within its stage. */
export function reorderVerifier(doc: Y.Doc, stageId: PlanStageId, id: string, toIndex: number): void {
  reorderRecord(requireVerifiers(doc, stageId, id), id, 'verifier', toIndex);
}

/** Removes a verifier. */
export function removeVerifier(doc: Y.Doc, stageId: PlanStageId, id: string): void {
  assertStage(stageId);
  stageVerifiers(doc, stageId)?.delete(id);
}

/** The five stages in order, each with its verifiers sorted by `order` and whether it is done. */
export function readPlan(doc: Y.Doc): PlanStage[] {
  return PLAN_STAGES.map(({ id, label, question }) => {
    const map = stageVerifiers(doc, id);
    const verifiers = map
      ? readRecords(map, (verifierId, record) => {
          const done = readBoolean(record, 'done', false);
          return {
            id: verifierId,
            text: readString(record, 'text'),
            done,
            doneBy: done ? readString(record, 'doneBy') || null : null,
            doneAt: done ? readString(record, 'doneAt') || null : null,
            owner: readString(record, 'owner') || null,
            dueDate: readDueDate(record.get('dueDate')),
            order: readNumber(record, 'order', 0),
          };
        })
      : [];
    return { id, label, question, verifiers, done: verifiers.length > 0 && verifiers.every((v) => v.done) };
  });
}
