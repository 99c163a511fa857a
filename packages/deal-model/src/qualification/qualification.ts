import * as Y from 'yjs';
import { readEnum, readString } from '../records/index.ts';
import { assertOneOf } from '../vocabulary/index.ts';
import {
  BANT_KEYS,
  BANT_STATES,
  type BantKey,
  type BantState,
  GO_DECISIONS,
  type GoDecision,
  QUALIFICATION_ANSWERS,
  QUALIFICATION_QUESTION_KEYS,
  type QualificationAnswer,
  type QualificationQuestionKey,
} from './qualification-vocabulary.ts';

/** One BANT element. */
export interface BantEntry {
  state: BantState;
  note: string;
}

/** One qualification question's answer. */
export interface QualificationQuestion {
  answer: QualificationAnswer | null;
  note: string;
}

/** The go / no-go decision; `value` null while none is recorded. */
export interface GoNoGoDecision {
  value: GoDecision | null;
  reason: string;
  /** Who decided (whatever the caller passed: a user id or a name), or null. */
  by: string | null;
  /** When, ISO 8601, or null. */
  at: string | null;
}

/** The opportunity's qualification (seller document; never the buyer's). */
export interface Qualification {
  bant: Record<BantKey, BantEntry>;
  questions: Record<QualificationQuestionKey, QualificationQuestion>;
  decision: GoNoGoDecision;
}

/** The seller document's `qualification` map. */
export function qualificationMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('qualification');
}

function childMap(parent: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const existing = parent.get(key);
  if (existing instanceof Y.Map) return existing;
  const created = new Y.Map<unknown>();
  parent.set(key, created);
  return created;
}

/** Creates the qualification's maps (`bant`, `questions`, `decision` and each entry). Safe to call twice. */
export function ensureQualification(doc: Y.Doc): void {
  doc.transact(() => {
    const root = qualificationMap(doc);
    const bant = childMap(root, 'bant');
    for (const key of BANT_KEYS) childMap(bant, key);
    const questions = childMap(root, 'questions');
    for (const key of QUALIFICATION_QUESTION_KEYS) childMap(questions, key);
    childMap(root, 'decision');
  });
}

function assertNote(note: unknown): void {
  if (note !== undefined && typeof note !== 'string') throw new RangeError('note must be a string');
}

/** Writes a BANT element's state (`unknown` | `partial` | `confirmed`) or note, in one transaction. */
export function updateBant(doc: Y.Doc, key: BantKey, { state, note }: { state?: BantState; note?: string }): void {
  assertOneOf('bant', key, BANT_KEYS);
  if (state !== undefined) assertOneOf(`bant.${key}.state`, state, BANT_STATES);
  assertNote(note);
  doc.transact(() => {
    const entry = childMap(childMap(qualificationMap(doc), 'bant'), key);
    if (state !== undefined) entry.set('state', state);
    if (note !== undefined) entry.set('note', note);
  });
}

/** Answers a qualification question (`yes` | `no` | `unsure`, or null to clear) with a note, in one transaction. */
export function answerQualificationQuestion(
  doc: Y.Doc,
  key: QualificationQuestionKey,
  { answer, note }: { answer?: QualificationAnswer | null; note?: string },
): void {
  assertOneOf('question', key, QUALIFICATION_QUESTION_KEYS);
  if (answer != null) assertOneOf(`questions.${key}.answer`, answer, QUALIFICATION_ANSWERS);
  assertNote(note);
  doc.transact(() => {
    const entry = childMap(childMap(qualificationMap(doc), 'questions'), key);
    if (answer !== undefined) entry.set('answer', answer);
    if (note !== undefined) entry.set('note', note);
  });
}

/**
 * Records sales management's go or no-go decision with its reason (required), who decided and when
 * (`at`, default now), in one transaction; a RangeError naming the field otherwise.
 */
export function decideGoNoGo(
  doc: Y.Doc,
  { value, reason, by, at = new Date().toISOString() }: { value: GoDecision; reason: string; by: string; at?: string },
): void {
  assertOneOf('decision.value', value, GO_DECISIONS);
  if (typeof reason !== 'string' || !reason.trim()) throw new RangeError('decision.reason must be given');
  if (typeof by !== 'string' || !by.trim()) throw new RangeError('decision.by must name who decided');
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) {
    throw new RangeError(`decision.at must be an ISO 8601 date; got ${String(at)}`);
  }
  doc.transact(() => {
    const decision = childMap(qualificationMap(doc), 'decision');
    decision.set('value', value);
    decision.set('reason', reason.trim());
    decision.set('by', by);
    decision.set('at', at);
  });
}

/** Withdraws the decision (back to undecided). */
export function clearGoNoGo(doc: Y.Doc): void {
  doc.transact(() => {
    const decision = childMap(qualificationMap(doc), 'decision');
    for (const key of ['value', 'by', 'at'] as const) decision.set(key, null);
    decision.set('reason', '');
  });
}

/** The entry `key` of `parent`, or an empty plain map to read defaults from (never a detached Y.Map). */
function entryOf(parent: unknown, key: string): Y.Map<unknown> | Map<string, unknown> {
  const value = parent instanceof Y.Map ? parent.get(key) : undefined;
  return value instanceof Y.Map ? value : new Map<string, unknown>();
}

const optionalString = (map: Y.Map<unknown> | Map<string, unknown>, key: string): string | null => {
  const value = map.get(key);
  return typeof value === 'string' && value ? value : null;
};

/** Reads the qualification; missing entries read as `unknown` / unanswered / undecided. */
export function readQualification(doc: Y.Doc): Qualification {
  const root = qualificationMap(doc);
  const bantMap = root.get('bant');
  const questionMap = root.get('questions');
  const bant = {} as Record<BantKey, BantEntry>;
  for (const key of BANT_KEYS) {
    const entry = entryOf(bantMap, key);
    bant[key] = { state: readEnum(entry, 'state', BANT_STATES, 'unknown'), note: readString(entry, 'note') };
  }
  const questions = {} as Record<QualificationQuestionKey, QualificationQuestion>;
  for (const key of QUALIFICATION_QUESTION_KEYS) {
    const entry = entryOf(questionMap, key);
    questions[key] = {
      answer: readEnum(entry, 'answer', QUALIFICATION_ANSWERS, null),
      note: readString(entry, 'note'),
    };
  }
  const decision = entryOf(root, 'decision');
  const value = readEnum(decision, 'value', GO_DECISIONS, null);
  return {
    bant,
    questions,
    decision: {
      value,
      reason: value ? readString(decision, 'reason') : '',
      by: value ? optionalString(decision, 'by') : null,
      at: value ? optionalString(decision, 'at') : null,
    },
  };
}
