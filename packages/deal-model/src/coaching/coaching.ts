import * as Y from 'yjs';
import {
  createRecord,
  getRecord,
  readBoolean,
  readNumber,
  readRecords,
  readString,
  reorderRecord,
  replaceText,
  updateRecord,
  type YRecordMap,
} from '../records/index.ts';
import { methodLinkExists } from '../shared-doc/method-link-exists.ts';
import { type SharedMaps, sharedMaps } from '../shared-doc/shared-maps.ts';
import {
  COACHING_STAGE_IDS,
  COACHING_STAGE_INFO,
  type CoachingStageId,
  type CoachingTailoring,
  isCoachingStageId,
  type MethodLink,
  suggestedCoachingChecklist,
} from '../vocabulary/index.ts';

/** One item of a coaching stage's checklist. */
export interface CoachingItem {
  id: string;
  text: string;
  done: boolean;
  order: number;
}

/** A commercial coaching stage as a plain snapshot. */
export interface CoachingStage {
  id: CoachingStageId;
  label: string;
  description: string;
  /** Sorted by `order`. */
  checklist: CoachingItem[];
  /** Links to existing records, in the order added, without duplicates. */
  evidence: MethodLink[];
  note: string;
  /** True when the checklist has at least one item and all are done. */
  done: boolean;
}

/** The Mobilizer's commercial coaching (shared document: the Mobilizer sees their own coaching). */
export interface Coaching {
  /** The coached Mobilizer (an existing stakeholder), or null. */
  mobilizerId: string | null;
  /** The five stages in seed 003's order (empty checklists while coaching has not started). */
  stages: CoachingStage[];
  /** See {@link coachingStageReached}. */
  reached: CoachingStageId | 'done' | null;
}

/** Where coaching stands: the first stage not complete, `done` when all five are, null when not started. */
export type CoachingStageReached = CoachingStageId | 'done' | null;

/** Evidence a coaching stage can link to. */
const EVIDENCE_KINDS = ['objection', 'voice', 'negotiable', 'stakeholder'] as const;

function assertStage(stageId: CoachingStageId): void {
  if (!isCoachingStageId(stageId)) throw new RangeError(`unknown coaching stage: ${String(stageId)}`);
}

function stagesOf(maps: Pick<SharedMaps, 'coaching'>): Y.Map<Y.Map<unknown>> | undefined {
  const stages = maps.coaching.get('stages');
  return stages instanceof Y.Map ? (stages as Y.Map<Y.Map<unknown>>) : undefined;
}

/** A stage's Y.Map with its `checklist`, `evidence` and `note`, each created when missing. Call inside a transaction. */
function ensureStage(doc: Y.Doc, stageId: CoachingStageId): Y.Map<unknown> {
  assertStage(stageId);
  const { coaching } = sharedMaps(doc);
  let stages = stagesOf({ coaching });
  if (!stages) {
    stages = new Y.Map<Y.Map<unknown>>();
    coaching.set('stages', stages);
  }
  let stage = stages.get(stageId);
  if (!(stage instanceof Y.Map)) {
    stage = new Y.Map<unknown>();
    stages.set(stageId, stage);
  }
  if (!(stage.get('checklist') instanceof Y.Map)) stage.set('checklist', new Y.Map());
  if (!(stage.get('evidence') instanceof Y.Array)) stage.set('evidence', new Y.Array());
  if (!(stage.get('note') instanceof Y.Text)) stage.set('note', new Y.Text(readString(stage, 'note')));
  return stage;
}

function checklistOf(doc: Y.Doc, stageId: CoachingStageId): YRecordMap | undefined {
  assertStage(stageId);
  const checklist = stagesOf(sharedMaps(doc))?.get(stageId)?.get('checklist');
  return checklist instanceof Y.Map ? (checklist as YRecordMap) : undefined;
}

function requireChecklist(doc: Y.Doc, stageId: CoachingStageId, itemId: string): YRecordMap {
  const checklist = checklistOf(doc, stageId);
  if (!checklist || !getRecord(checklist, itemId)) throw new RangeError(`unknown coaching item: ${itemId}`);
  return checklist;
}

/** The tailoring for a stakeholder's profile: their Mobilizer type, else `general`. */
function tailoringOf(doc: Y.Doc, stakeholderId: string): CoachingTailoring {
  const profile = getRecord(sharedMaps(doc).stakeholders, stakeholderId)?.get('profile');
  return profile === 'go-getter' || profile === 'teacher' || profile === 'skeptic' ? profile : 'general';
}

/**
 * Starts commercial coaching for a Mobilizer (an existing stakeholder) in one transaction: names them,
 * creates the five stages, and gives every stage whose checklist is empty seed 003's suggested checklist
 * tailored to the Mobilizer's profile (Go-Getter: implementation details; Teacher: the sweeping vision;
 * Skeptic: questions and exploration; any other profile: the general items). Stages that already have
 * items are kept as they are, so calling it again only changes the Mobilizer.
 */
export function initCoaching(
  doc: Y.Doc,
  mobilizerId: string,
  { suggested = true }: { suggested?: boolean } = {},
): void {
  const maps = sharedMaps(doc);
  if (!getRecord(maps.stakeholders, mobilizerId))
    throw new RangeError(`mobilizerId: unknown stakeholder ${mobilizerId}`);
  const tailoring = tailoringOf(doc, mobilizerId);
  doc.transact(() => {
    maps.coaching.set('mobilizerId', mobilizerId);
    for (const stageId of COACHING_STAGE_IDS) {
      const checklist = ensureStage(doc, stageId).get('checklist') as YRecordMap;
      if (!suggested || checklist.size > 0) continue;
      for (const text of suggestedCoachingChecklist(stageId, tailoring)) {
        createRecord(checklist, { text, done: false });
      }
    }
  });
}

/** Names the coached Mobilizer (an existing stakeholder), or nobody with null. */
export function setCoachingMobilizer(doc: Y.Doc, mobilizerId: string | null): void {
  const maps = sharedMaps(doc);
  if (mobilizerId !== null && !getRecord(maps.stakeholders, mobilizerId)) {
    throw new RangeError(`mobilizerId: unknown stakeholder ${mobilizerId}`);
  }
  maps.coaching.set('mobilizerId', mobilizerId);
}

/** Adds an item to a stage's checklist (after the last one unless `order` is given) and returns its id. */
export function addCoachingItem(
  doc: Y.Doc,
  stageId: CoachingStageId,
  { text, done = false, order }: { text: string; done?: boolean; order?: number },
): string {
  if (typeof text !== 'string') throw new RangeError('text must be a string');
  if (typeof done !== 'boolean') throw new RangeError('done must be a boolean');
  let id = '';
  doc.transact(() => {
    id = createRecord(ensureStage(doc, stageId).get('checklist') as YRecordMap, { text, done, order });
  });
  return id;
}

/** Changes a checklist item's text or done. */
export function updateCoachingItem(
  doc: Y.Doc,
  stageId: CoachingStageId,
  itemId: string,
  { text, done }: { text?: string; done?: boolean },
): void {
  if (text !== undefined && typeof text !== 'string') throw new RangeError('text must be a string');
  if (done !== undefined && typeof done !== 'boolean') throw new RangeError('done must be a boolean');
  updateRecord(requireChecklist(doc, stageId, itemId), itemId, 'coaching item', { text, done });
}

/** Ticks a checklist item (or un-ticks it with `done = false`). */
export function tickCoachingItem(doc: Y.Doc, stageId: CoachingStageId, itemId: string, done = true): void {
  updateCoachingItem(doc, stageId, itemId, { done });
}

/** Moves a checklist item to position `toIndex` within its stage. */
export function reorderCoachingItem(doc: Y.Doc, stageId: CoachingStageId, itemId: string, toIndex: number): void {
  reorderRecord(requireChecklist(doc, stageId, itemId), itemId, 'coaching item', toIndex);
}

/** Removes a checklist item. */
export function removeCoachingItem(doc: Y.Doc, stageId: CoachingStageId, itemId: string): void {
  checklistOf(doc, stageId)?.delete(itemId);
}

/**
 * Links evidence to a stage: `objection:<id>`, `voice:<stakeholderId>`, `negotiable:<id>` or
 * `stakeholder:<id>` of an existing record (a RangeError otherwise). Adding a link twice keeps one.
 */
export function addCoachingEvidence(doc: Y.Doc, stageId: CoachingStageId, link: MethodLink): void {
  assertStage(stageId);
  if (!methodLinkExists(sharedMaps(doc), link, EVIDENCE_KINDS)) {
    throw new RangeError(`evidence must link to an existing objection, voice, negotiable or stakeholder; got ${link}`);
  }
  doc.transact(() => {
    const evidence = ensureStage(doc, stageId).get('evidence') as Y.Array<string>;
    if (!evidence.toArray().includes(link)) evidence.push([link]);
  });
}

/** Unlinks evidence from a stage. */
export function removeCoachingEvidence(doc: Y.Doc, stageId: CoachingStageId, link: MethodLink): void {
  assertStage(stageId);
  const evidence = stagesOf(sharedMaps(doc))?.get(stageId)?.get('evidence');
  if (!(evidence instanceof Y.Array)) return;
  doc.transact(() => {
    const list = evidence.toArray();
    for (let i = list.length - 1; i >= 0; i--) if (list[i] === link) evidence.delete(i, 1);
  });
}

/** A stage's `note` Y.Text, for a collaborative editor (created if missing). */
export function coachingNote(doc: Y.Doc, stageId: CoachingStageId): Y.Text {
  let note: Y.Text | undefined;
  doc.transact(() => {
    note = ensureStage(doc, stageId).get('note') as Y.Text;
  });
  return note!;
}

/** Replaces a stage's note (as a minimal edit). */
export function setCoachingNote(doc: Y.Doc, stageId: CoachingStageId, value: string): void {
  if (typeof value !== 'string') throw new RangeError('note must be a string');
  doc.transact(() => replaceText(coachingNote(doc, stageId), value));
}

function readStage(maps: SharedMaps, stageId: CoachingStageId, stage: Y.Map<unknown> | undefined): CoachingStage {
  const checklist = stage?.get('checklist');
  const items =
    checklist instanceof Y.Map
      ? readRecords(checklist as YRecordMap, (id, record) => ({
          id,
          text: readString(record, 'text'),
          done: readBoolean(record, 'done', false),
          order: readNumber(record, 'order', 0),
        }))
      : [];
  const evidence = stage?.get('evidence');
  const links = new Set<MethodLink>();
  if (evidence instanceof Y.Array) {
    for (const link of evidence.toArray()) {
      if (methodLinkExists(maps, link, EVIDENCE_KINDS)) links.add(link as MethodLink);
    }
  }
  return {
    id: stageId,
    ...COACHING_STAGE_INFO[stageId],
    checklist: items,
    evidence: [...links],
    note: stage ? readString(stage, 'note') : '',
    done: items.length > 0 && items.every((item) => item.done),
  };
}

function reachedOf(stages: readonly { id: CoachingStageId; done: boolean; items: number }[]): CoachingStageReached {
  if (stages.every((stage) => stage.items === 0)) return null;
  return stages.find((stage) => !stage.done)?.id ?? 'done';
}

/** The coaching with its five stages in order. */
export function readCoaching(doc: Y.Doc): Coaching {
  const maps = sharedMaps(doc);
  const stages = stagesOf(maps);
  const mobilizerId = maps.coaching.get('mobilizerId');
  const snapshot = COACHING_STAGE_IDS.map((id) => readStage(maps, id, stages?.get(id)));
  return {
    mobilizerId: typeof mobilizerId === 'string' && maps.stakeholders.has(mobilizerId) ? mobilizerId : null,
    stages: snapshot,
    reached: reachedOf(snapshot.map(({ id, done, checklist }) => ({ id, done, items: checklist.length }))),
  };
}

/**
 * The coaching stage reached, for the header beside the verified purchase stage: the first stage whose
 * checklist is not all done (a stage with no items is not done), `done` when all five are, null while
 * coaching has not started (no stage has an item). Reads only the checklists.
 */
export function coachingStageReached(doc: Y.Doc): CoachingStageReached {
  const stages = stagesOf(sharedMaps(doc));
  return reachedOf(
    COACHING_STAGE_IDS.map((id) => {
      const checklist = stages?.get(id)?.get('checklist');
      const done: boolean[] = [];
      if (checklist instanceof Y.Map) {
        for (const item of checklist.values()) if (item instanceof Y.Map) done.push(readBoolean(item, 'done', false));
      }
      return { id, done: done.length > 0 && done.every(Boolean), items: done.length };
    }),
  );
}
