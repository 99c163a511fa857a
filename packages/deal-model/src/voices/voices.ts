import * as Y from 'yjs';
import { getRecord, orderedIds, readString, requireRecord, type YRecord } from '../records/index.ts';
import { sharedMaps } from '../shared-doc/shared-maps.ts';
import { WEIGHT_MAX } from '../vocabulary/index.ts';
import { validateVoiceInput } from './voice-input.ts';
import { voiceWeight } from './voice-records.ts';

/** How an answer reached the room: today only by the stakeholder's guide link. */
export type VoiceVia = 'link';

/** A stakeholder's own answer (DESIGN.md 7a) as a plain snapshot. */
export interface Voice {
  stakeholderId: string;
  /** Criterion id → 0–100 as they gave it, for existing criteria only. */
  weights: Record<string, number>;
  /** What worries them. */
  concerns: string;
  /** A criterion they miss. */
  missing: string;
  /** When they answered, ISO 8601. */
  submittedAt: string;
  via: VoiceVia;
}

/** What {@link submitVoice} writes. */
export interface SubmitVoiceInput {
  /** Criterion id → whole number 0–100. */
  weights: Record<string, number>;
  concerns?: string;
  missing?: string;
  /** ISO 8601; default now. */
  submittedAt?: string;
}

/** Whether a stakeholder's weight on a criterion is their own answer or someone's estimate. */
export type WeightSource = 'self-reported' | 'estimate';

function weightsOf(record: YRecord): Y.Map<unknown> | undefined {
  const weights = record.get('weights');
  return weights instanceof Y.Map ? weights : undefined;
}

function nestedWeights(criterion: YRecord): Y.Map<unknown> {
  const existing = criterion.get('weightsByStakeholder');
  if (existing instanceof Y.Map) return existing;
  const created = new Y.Map<unknown>();
  criterion.set('weightsByStakeholder', created);
  return created;
}

/**
 * Stores a stakeholder's own answer in one transaction: it replaces their earlier answer in `voices`, and
 * each weight is written into that criterion's `weightsByStakeholder[stakeholderId]` as well (the
 * stakeholder's word replaces an estimate). A weight of their earlier answer that they no longer give is
 * withdrawn from `weightsByStakeholder`, unless someone has since changed it there. Validates with
 * {@link validateVoiceInput}: throws a RangeError naming the stakeholder, the field or the criterion.
 */
export function submitVoice(
  doc: Y.Doc,
  stakeholderId: string,
  { weights, concerns, missing, submittedAt = new Date().toISOString() }: SubmitVoiceInput,
): Voice {
  const maps = sharedMaps(doc);
  requireRecord(maps.stakeholders, stakeholderId, 'stakeholder');
  const criterionIds = new Set<string>();
  for (const [id, record] of maps.criteria.entries()) if (record instanceof Y.Map) criterionIds.add(id);
  const result = validateVoiceInput({ weights, concerns, missing }, criterionIds);
  if (!result.ok) throw new RangeError(`${result.field}: ${result.message}`);
  if (typeof submittedAt !== 'string' || Number.isNaN(Date.parse(submittedAt))) {
    throw new RangeError(`submittedAt must be an ISO 8601 date; got ${String(submittedAt)}`);
  }
  const answer = result.value;
  doc.transact(() => {
    const previous = getRecord(maps.voices, stakeholderId);
    const previousWeights = previous && weightsOf(previous);
    for (const [criterionId, value] of previousWeights?.entries() ?? []) {
      if (criterionId in answer.weights) continue;
      const stored = getRecord(maps.criteria, criterionId)?.get('weightsByStakeholder');
      if (stored instanceof Y.Map && stored.get(stakeholderId) === value) stored.delete(stakeholderId);
    }
    const voiceWeights = new Y.Map<number>();
    for (const [criterionId, value] of Object.entries(answer.weights)) {
      voiceWeights.set(criterionId, value);
      nestedWeights(requireRecord(maps.criteria, criterionId, 'criterion')).set(stakeholderId, value);
    }
    const voice = new Y.Map<unknown>();
    voice.set('weights', voiceWeights);
    voice.set('concerns', answer.concerns);
    voice.set('missing', answer.missing);
    voice.set('submittedAt', submittedAt);
    voice.set('via', 'link');
    maps.voices.set(stakeholderId, voice);
  });
  return { stakeholderId, ...answer, submittedAt, via: 'link' };
}

function readVoiceRecord(stakeholderId: string, record: YRecord, criterionExists: (id: string) => boolean): Voice {
  const weights: Record<string, number> = {};
  for (const [criterionId, value] of weightsOf(record)?.entries() ?? []) {
    if (typeof value === 'number' && Number.isFinite(value) && criterionExists(criterionId)) {
      weights[criterionId] = Math.min(WEIGHT_MAX, Math.max(0, value));
    }
  }
  return {
    stakeholderId,
    weights,
    concerns: readString(record, 'concerns'),
    missing: readString(record, 'missing'),
    submittedAt: readString(record, 'submittedAt'),
    via: 'link',
  };
}

/**
 * Every stakeholder's own answer, in the stakeholders' order. Answers of stakeholders no longer mapped
 * and weights for criteria no longer there (left by concurrent edits) are left out.
 */
export function readVoices(doc: Y.Doc): Voice[] {
  const { voices, stakeholders, criteria } = sharedMaps(doc);
  const out: Voice[] = [];
  for (const { id } of orderedIds(stakeholders)) {
    const record = getRecord(voices, id);
    if (record) out.push(readVoiceRecord(id, record, (criterionId) => criteria.has(criterionId)));
  }
  return out;
}

/** One stakeholder's own answer, or null when they have not answered (or are not mapped). */
export function readVoice(doc: Y.Doc, stakeholderId: string): Voice | null {
  const { voices, stakeholders, criteria } = sharedMaps(doc);
  const record = getRecord(voices, stakeholderId);
  if (!record || !stakeholders.has(stakeholderId)) return null;
  return readVoiceRecord(stakeholderId, record, (criterionId) => criteria.has(criterionId));
}

/**
 * Where a stakeholder's weight on a criterion comes from: `self-reported` when it equals the weight in
 * their own answer, `estimate` when someone typed another one in the room, null when there is none.
 */
export function weightSource(doc: Y.Doc, criterionId: string, stakeholderId: string): WeightSource | null {
  const maps = sharedMaps(doc);
  if (!maps.stakeholders.has(stakeholderId)) return null;
  const stored = getRecord(maps.criteria, criterionId)?.get('weightsByStakeholder');
  const value = stored instanceof Y.Map ? stored.get(stakeholderId) : undefined;
  if (typeof value !== 'number') return null;
  return voiceWeight(maps, stakeholderId, criterionId) === value ? 'self-reported' : 'estimate';
}
