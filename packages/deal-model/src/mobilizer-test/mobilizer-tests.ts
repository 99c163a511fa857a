import * as Y from 'yjs';
import { readEnum, readString, replaceText } from '../records/index.ts';
import { assertOneOf, type StakeholderProfile } from '../vocabulary/index.ts';
import {
  INSIGHT_REACTIONS,
  type InsightReaction,
  type MobilizerTestAnswers,
  PERSPECTIVES,
  type Perspective,
  suggestProfileClass,
  TASK_OUTCOMES,
  type TaskOutcome,
} from './suggest-profile.ts';

/** The task given to a would-be Mobilizer. */
export interface MobilizerTask {
  text: string;
  delivered: TaskOutcome | null;
  /** ISO 8601, or null. */
  dueAt: string | null;
}

/** One stakeholder's Mobilizer identification test (seller document), as a plain snapshot. */
export interface MobilizerTest extends MobilizerTestAnswers {
  stakeholderId: string;
  task: MobilizerTask;
  note: string;
  /** When the test was last written, ISO 8601, or null. */
  updatedAt: string | null;
}

/** Fields to write into a test; `task` fields are merged. */
export interface MobilizerTestPatch {
  insightReaction?: InsightReaction | null;
  perspective?: Perspective | null;
  task?: Partial<MobilizerTask>;
  note?: string;
}

/** The seller document's `mobilizerTests` map (stakeholder id → Y.Map). */
export function mobilizerTestsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('mobilizerTests');
}

function validate(patch: MobilizerTestPatch, at: string): void {
  if (patch.insightReaction != null) assertOneOf('insightReaction', patch.insightReaction, INSIGHT_REACTIONS);
  if (patch.perspective != null) assertOneOf('perspective', patch.perspective, PERSPECTIVES);
  if (patch.note !== undefined && typeof patch.note !== 'string') throw new RangeError('note must be a string');
  const task = patch.task;
  if (task?.delivered != null) assertOneOf('task.delivered', task.delivered, TASK_OUTCOMES);
  if (task?.text !== undefined && typeof task.text !== 'string') throw new RangeError('task.text must be a string');
  if (task?.dueAt != null && (typeof task.dueAt !== 'string' || Number.isNaN(Date.parse(task.dueAt)))) {
    throw new RangeError(`task.dueAt must be an ISO 8601 date or null; got ${String(task.dueAt)}`);
  }
  if (Number.isNaN(Date.parse(at))) throw new RangeError(`at must be an ISO 8601 date; got ${at}`);
}

function noteOf(record: Y.Map<unknown>): Y.Text {
  const existing = record.get('note');
  if (existing instanceof Y.Text) return existing;
  const created = new Y.Text(typeof existing === 'string' ? existing : '');
  record.set('note', created);
  return created;
}

function taskOf(record: Y.Map<unknown>): Y.Map<unknown> {
  const existing = record.get('task');
  if (existing instanceof Y.Map) return existing;
  const created = new Y.Map<unknown>();
  record.set('task', created);
  return created;
}

/**
 * Writes a stakeholder's test (created if missing) in one transaction and stamps `updatedAt` (`at`, default
 * now). Throws a RangeError naming the field on an invalid value. Never touches the stakeholder's profile.
 */
export function updateMobilizerTest(
  doc: Y.Doc,
  stakeholderId: string,
  patch: MobilizerTestPatch,
  { at = new Date().toISOString() }: { at?: string } = {},
): void {
  validate(patch, at);
  const tests = mobilizerTestsMap(doc);
  doc.transact(() => {
    let record = tests.get(stakeholderId);
    if (!(record instanceof Y.Map)) {
      record = new Y.Map<unknown>();
      tests.set(stakeholderId, record);
    }
    const target = record;
    if (patch.insightReaction !== undefined) target.set('insightReaction', patch.insightReaction);
    if (patch.perspective !== undefined) target.set('perspective', patch.perspective);
    if (patch.note !== undefined) replaceText(noteOf(target), patch.note);
    const task = taskOf(target);
    if (patch.task?.text !== undefined) task.set('text', patch.task.text);
    if (patch.task?.delivered !== undefined) task.set('delivered', patch.task.delivered);
    if (patch.task?.dueAt !== undefined) task.set('dueAt', patch.task.dueAt);
    target.set('updatedAt', at);
  });
}

/** The `note` Y.Text of a stakeholder's test, for a collaborative editor (test and note created if missing). */
export function mobilizerTestNote(doc: Y.Doc, stakeholderId: string): Y.Text {
  const tests = mobilizerTestsMap(doc);
  let text: Y.Text | undefined;
  doc.transact(() => {
    let record = tests.get(stakeholderId);
    if (!(record instanceof Y.Map)) {
      record = new Y.Map<unknown>();
      tests.set(stakeholderId, record);
    }
    text = noteOf(record);
  });
  return text!;
}

/** Removes a stakeholder's test. */
export function removeMobilizerTest(doc: Y.Doc, stakeholderId: string): void {
  mobilizerTestsMap(doc).delete(stakeholderId);
}

function readTestRecord(stakeholderId: string, record: Y.Map<unknown>): MobilizerTest {
  const task = record.get('task');
  const taskMap = task instanceof Y.Map ? task : new Map<string, unknown>();
  const dueAt = taskMap.get('dueAt');
  const updatedAt = record.get('updatedAt');
  return {
    stakeholderId,
    insightReaction: readEnum(record, 'insightReaction', INSIGHT_REACTIONS, null),
    perspective: readEnum(record, 'perspective', PERSPECTIVES, null),
    task: {
      text: readString(taskMap, 'text'),
      delivered: readEnum(taskMap, 'delivered', TASK_OUTCOMES, null),
      dueAt: typeof dueAt === 'string' && dueAt ? dueAt : null,
    },
    note: readString(record, 'note'),
    updatedAt: typeof updatedAt === 'string' && updatedAt ? updatedAt : null,
  };
}

/** One stakeholder's test, or undefined. */
export function readMobilizerTest(doc: Y.Doc, stakeholderId: string): MobilizerTest | undefined {
  const record = mobilizerTestsMap(doc).get(stakeholderId);
  return record instanceof Y.Map ? readTestRecord(stakeholderId, record) : undefined;
}

/** Every test, by stakeholder id (including tests of stakeholders since removed from the shared document). */
export function readMobilizerTests(doc: Y.Doc): Record<string, MobilizerTest> {
  const out: Record<string, MobilizerTest> = {};
  for (const [id, record] of mobilizerTestsMap(doc).entries()) {
    if (record instanceof Y.Map) out[id] = readTestRecord(id, record);
  }
  return out;
}

/**
 * True when the stakeholder's test confirms them (a Mobilizer who engaged, spoke for the group and delivered
 * a task); with `profile`, also that the profile is one the test leaves open. The map marks everyone else's
 * profile as unconfirmed.
 */
export function profileConfirmed(seller: Y.Doc, stakeholderId: string, profile?: StakeholderProfile): boolean {
  const test = readMobilizerTest(seller, stakeholderId);
  if (!test) return false;
  const suggestion = suggestProfileClass(test);
  if (suggestion.confidence !== 'confirmed') return false;
  return profile === undefined || suggestion.profiles.includes(profile);
}
