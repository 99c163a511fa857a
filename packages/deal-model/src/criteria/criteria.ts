import * as Y from 'yjs';
import {
  createRecord,
  getRecord,
  readBoolean,
  readEnum,
  readNumber,
  readNumberMap,
  readRecords,
  readRef,
  readString,
  recordText,
  reorderRecord,
  requireRecord,
  transactOn,
  updateRecord,
  type YRecord,
} from '../records/index.ts';
import { sharedMaps } from '../shared-doc/shared-maps.ts';
import {
  assertInRange,
  assertOneOf,
  CRITERION_KINDS,
  type CriterionKind,
  SCORE_MAX,
  WEIGHT_MAX,
} from '../vocabulary/index.ts';
import { forgetCriterionInVoices, voiceWeight } from '../voices/voice-records.ts';
import { forgetSourceInWorkshops } from '../workshops/workshop-references.ts';

/** A purchase criterion as a plain snapshot. */
export interface Criterion {
  id: string;
  name: string;
  description: string;
  /** 0–100. */
  weight: number;
  kind: CriterionKind;
  mandatory: boolean;
  /** An existing stakeholder id, or null. */
  owner: string | null;
  /** Option id → score 0–5, for existing options only. */
  scores: Record<string, number>;
  /** Stakeholder id → the weight (0–100) they say this criterion should have, for existing stakeholders only. */
  weightsByStakeholder: Record<string, number>;
  order: number;
}

/** Fields of a new criterion; everything but `name` has a default. */
export interface CriterionInput {
  name: string;
  description?: string;
  /** Default 50. */
  weight?: number;
  /** Default `formal`. */
  kind?: CriterionKind;
  mandatory?: boolean;
  owner?: string | null;
  order?: number;
}

/** Fields to change on a criterion (`description` is applied to the Y.Text as a minimal edit). */
export type CriterionPatch = Partial<Omit<CriterionInput, 'order'>>;

function validate(doc: Y.Doc, patch: CriterionPatch): void {
  if (patch.weight !== undefined) assertInRange('weight', patch.weight, 0, WEIGHT_MAX);
  if (patch.kind !== undefined) assertOneOf('kind', patch.kind, CRITERION_KINDS);
  if (patch.mandatory !== undefined && typeof patch.mandatory !== 'boolean')
    throw new RangeError('mandatory must be a boolean');
  if (patch.owner !== undefined && patch.owner !== null && !getRecord(sharedMaps(doc).stakeholders, patch.owner)) {
    throw new RangeError(`owner: unknown stakeholder ${patch.owner}`);
  }
}

/** Adds a criterion (with empty `scores` and `weightsByStakeholder` maps) and returns its id. */
export function addCriterion(doc: Y.Doc, input: CriterionInput): string {
  validate(doc, input);
  return createRecord(
    sharedMaps(doc).criteria,
    {
      name: input.name,
      description: input.description ?? '',
      weight: input.weight ?? 50,
      kind: input.kind ?? 'formal',
      mandatory: input.mandatory ?? false,
      owner: input.owner ?? null,
      scores: new Y.Map<number>(),
      weightsByStakeholder: new Y.Map<number>(),
      order: input.order,
    },
    { textFields: ['description'] },
  );
}

/** Changes fields of a criterion. */
export function updateCriterion(doc: Y.Doc, id: string, patch: CriterionPatch): void {
  validate(doc, patch);
  updateRecord(sharedMaps(doc).criteria, id, 'criterion', { ...patch });
}

/** Moves a criterion to position `toIndex`. */
export function reorderCriterion(doc: Y.Doc, id: string, toIndex: number): void {
  reorderRecord(sharedMaps(doc).criteria, id, 'criterion', toIndex);
}

/**
 * Removes a criterion (its scores and weights go with it) and, in the same transaction, its weight in
 * every stakeholder's own answer (`voices`); workshop agenda items about it become `custom` items.
 */
export function removeCriterion(doc: Y.Doc, id: string): void {
  const maps = sharedMaps(doc);
  transactOn(maps.criteria, () => {
    maps.criteria.delete(id);
    forgetCriterionInVoices(maps, id);
    forgetSourceInWorkshops(maps, `criterion:${id}`);
  });
}

function nestedMap(record: YRecord, key: string): Y.Map<unknown> {
  const existing = record.get(key);
  if (existing instanceof Y.Map) return existing;
  const created = new Y.Map<unknown>();
  record.set(key, created);
  return created;
}

/** Sets (0–5) or clears (`null`) an option's score on a criterion. */
export function setCriterionScore(doc: Y.Doc, criterionId: string, optionId: string, score: number | null): void {
  const { criteria, options } = sharedMaps(doc);
  const record = requireRecord(criteria, criterionId, 'criterion');
  if (score !== null) {
    assertInRange('score', score, 0, SCORE_MAX);
    if (!getRecord(options, optionId)) throw new RangeError(`unknown option: ${optionId}`);
  }
  transactOn(criteria, () => {
    const scores = nestedMap(record, 'scores');
    if (score === null) scores.delete(optionId);
    else scores.set(optionId, score);
  });
}

/**
 * Thrown by {@link setStakeholderWeight} when an estimate would replace (or clear) a weight the stakeholder
 * gave in their own answer: the UI asks for a confirmation and calls again with `overrideSelfReported`.
 * A RangeError, so that code which explains refused writes still shows its message.
 */
export class SelfReportedWeightError extends RangeError {
  override readonly name = 'SelfReportedWeightError';

  constructor(
    readonly criterionId: string,
    readonly stakeholderId: string,
    /** The weight the stakeholder gave themselves. */
    readonly selfReported: number,
    /** The estimate that was refused (null: a clear). */
    readonly weight: number | null,
    stakeholderName = '',
  ) {
    super(
      `${stakeholderName || 'the stakeholder'} gave this criterion the weight ${selfReported} in their own answer; confirm to replace it with an estimate`,
    );
  }
}

/** Options of {@link setStakeholderWeight}. */
export interface SetStakeholderWeightOptions {
  /** Allow an estimate to replace or clear a weight the stakeholder gave in their own answer (default false). */
  overrideSelfReported?: boolean;
}

/**
 * Sets (0–100) or clears (`null`) the weight a stakeholder says a criterion should have: an estimate typed
 * in the room. It never silently replaces a self-reported weight (one equal to the weight in the
 * stakeholder's own answer, see `weightSource`): that throws a {@link SelfReportedWeightError} unless
 * `overrideSelfReported` is set. Writing the same value again is allowed.
 */
export function setStakeholderWeight(
  doc: Y.Doc,
  criterionId: string,
  stakeholderId: string,
  weight: number | null,
  { overrideSelfReported = false }: SetStakeholderWeightOptions = {},
): void {
  const maps = sharedMaps(doc);
  const { criteria, stakeholders } = maps;
  const record = requireRecord(criteria, criterionId, 'criterion');
  if (weight !== null) {
    assertInRange('weight', weight, 0, WEIGHT_MAX);
    if (!getRecord(stakeholders, stakeholderId)) throw new RangeError(`unknown stakeholder: ${stakeholderId}`);
  }
  const current = record.get('weightsByStakeholder');
  const stored = current instanceof Y.Map ? current.get(stakeholderId) : undefined;
  const own = voiceWeight(maps, stakeholderId, criterionId);
  if (!overrideSelfReported && own !== undefined && stored === own && weight !== own) {
    const name = getRecord(stakeholders, stakeholderId)?.get('name');
    throw new SelfReportedWeightError(criterionId, stakeholderId, own, weight, typeof name === 'string' ? name : '');
  }
  transactOn(criteria, () => {
    const weights = nestedMap(record, 'weightsByStakeholder');
    if (weight === null) weights.delete(stakeholderId);
    else weights.set(stakeholderId, weight);
  });
}

/** The `description` Y.Text of a criterion, for a collaborative editor. */
export function criterionDescription(doc: Y.Doc, id: string): Y.Text {
  return recordText(sharedMaps(doc).criteria, id, 'criterion', 'description');
}

/**
 * Every criterion, sorted by `order`. References to deleted stakeholders or options (left by concurrent
 * edits) are dropped from the snapshot.
 */
export function readCriteria(doc: Y.Doc): Criterion[] {
  const { criteria, stakeholders, options } = sharedMaps(doc);
  return readRecords(criteria, (id, record) => {
    const owner = readRef(record, 'owner');
    const scores = readNumberMap(record, 'scores', 0, SCORE_MAX);
    const weights = readNumberMap(record, 'weightsByStakeholder', 0, WEIGHT_MAX);
    for (const key of Object.keys(scores)) if (!options.has(key)) delete scores[key];
    for (const key of Object.keys(weights)) if (!stakeholders.has(key)) delete weights[key];
    return {
      id,
      name: readString(record, 'name'),
      description: readString(record, 'description'),
      weight: readNumber(record, 'weight', 50, 0, WEIGHT_MAX),
      kind: readEnum(record, 'kind', CRITERION_KINDS, 'formal'),
      mandatory: readBoolean(record, 'mandatory', false),
      owner: owner && stakeholders.has(owner) ? owner : null,
      scores,
      weightsByStakeholder: weights,
      order: readNumber(record, 'order', 0),
    };
  });
}
