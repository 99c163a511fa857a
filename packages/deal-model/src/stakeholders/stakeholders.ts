import * as Y from 'yjs';
import { forgetStakeholderInCoaching } from '../coaching/coaching-references.ts';
import { forgetStakeholderInMentalModel } from '../mental-model/model-references.ts';
import { forgetStakeholderInNegotiables } from '../negotiables/negotiable-references.ts';
import {
  createRecord,
  getRecord,
  readEnum,
  readNumber,
  readRecords,
  readRef,
  readString,
  recordText,
  reorderRecord,
  transactOn,
  updateRecord,
  type YRecord,
} from '../records/index.ts';
import { sharedMaps } from '../shared-doc/shared-maps.ts';
import {
  assertInRange,
  assertOneOf,
  COMMITMENT_STAGES,
  type CommitmentStage,
  INFLUENCE_MAX,
  INFLUENCE_MIN,
  type ProfileGroup,
  profileGroup,
  STAKEHOLDER_PROFILES,
  STAKEHOLDER_ROLES,
  STANCE_MAX,
  STANCE_MIN,
  type StakeholderProfile,
  type StakeholderRole,
} from '../vocabulary/index.ts';
import { forgetStakeholderInWorkshops } from '../workshops/workshop-references.ts';

/** A stakeholder as a plain snapshot. */
export interface Stakeholder {
  id: string;
  name: string;
  title: string;
  department: string;
  /** Buying-center role; null while unknown. */
  role: StakeholderRole | null;
  profile: StakeholderProfile;
  /** Derived from `profile`: Mobilizer, Talker, Blocker or unknown. */
  group: ProfileGroup;
  /** 1–5. */
  influence: number;
  /** -2 (opposed) … +2 (champion). */
  stance: number;
  commitment: CommitmentStage;
  /** Id of an existing stakeholder, or null (a reference to a deleted or unknown id reads as null). */
  reportsTo: string | null;
  /** Their goals and metrics (the `priorities` Y.Text as a string). */
  priorities: string;
  order: number;
}

/** Fields of a new stakeholder; everything but `name` has a default. */
export interface StakeholderInput {
  name: string;
  title?: string;
  department?: string;
  role?: StakeholderRole | null;
  /** Default `unknown`. */
  profile?: StakeholderProfile;
  /** Default 3. */
  influence?: number;
  /** Default 0. */
  stance?: number;
  /** Default `unaware`. */
  commitment?: CommitmentStage;
  reportsTo?: string | null;
  priorities?: string;
  order?: number;
}

/** Fields to change on a stakeholder (`priorities` is applied to the Y.Text as a minimal edit). */
export type StakeholderPatch = Partial<Omit<StakeholderInput, 'order'>>;

function validate(doc: Y.Doc, id: string | null, patch: StakeholderPatch): void {
  if (patch.name !== undefined && typeof patch.name !== 'string') throw new RangeError('name must be a string');
  if (patch.role !== undefined && patch.role !== null) assertOneOf('role', patch.role, STAKEHOLDER_ROLES);
  if (patch.profile !== undefined) assertOneOf('profile', patch.profile, STAKEHOLDER_PROFILES);
  if (patch.commitment !== undefined) assertOneOf('commitment', patch.commitment, COMMITMENT_STAGES);
  if (patch.influence !== undefined) assertInRange('influence', patch.influence, INFLUENCE_MIN, INFLUENCE_MAX, true);
  if (patch.stance !== undefined) assertInRange('stance', patch.stance, STANCE_MIN, STANCE_MAX, true);
  if (patch.reportsTo !== undefined && patch.reportsTo !== null) {
    const { stakeholders } = sharedMaps(doc);
    if (!getRecord(stakeholders, patch.reportsTo))
      throw new RangeError(`reportsTo: unknown stakeholder ${patch.reportsTo}`);
    if (id !== null && createsReportingCycle(stakeholders, id, patch.reportsTo)) {
      throw new RangeError('reportsTo would make a reporting cycle');
    }
  }
}

function createsReportingCycle(stakeholders: Y.Map<YRecord>, id: string, manager: string): boolean {
  const seen = new Set<string>();
  for (
    let current: string | null = manager;
    current;
    current = readRef(getRecord(stakeholders, current) ?? new Y.Map(), 'reportsTo')
  ) {
    if (current === id) return true;
    if (seen.has(current)) return false;
    seen.add(current);
  }
  return false;
}

/** Adds a stakeholder and returns its id. */
export function addStakeholder(doc: Y.Doc, input: StakeholderInput): string {
  validate(doc, null, input);
  const { stakeholders } = sharedMaps(doc);
  return createRecord(
    stakeholders,
    {
      name: input.name,
      title: input.title ?? '',
      department: input.department ?? '',
      role: input.role ?? null,
      profile: input.profile ?? 'unknown',
      influence: input.influence ?? 3,
      stance: input.stance ?? 0,
      commitment: input.commitment ?? 'unaware',
      reportsTo: input.reportsTo ?? null,
      priorities: input.priorities ?? '',
      order: input.order,
    },
    { textFields: ['priorities'] },
  );
}

/** Changes fields of a stakeholder (throws a RangeError on an unknown id or invalid value). */
export function updateStakeholder(doc: Y.Doc, id: string, patch: StakeholderPatch): void {
  validate(doc, id, patch);
  updateRecord(sharedMaps(doc).stakeholders, id, 'stakeholder', { ...patch });
}

/** Moves a stakeholder to position `toIndex` of the ordered list. */
export function reorderStakeholder(doc: Y.Doc, id: string, toIndex: number): void {
  reorderRecord(sharedMaps(doc).stakeholders, id, 'stakeholder', toIndex);
}

/**
 * Removes a stakeholder and, in the same transaction, every reference to them: criteria `owner` and
 * `weightsByStakeholder`, objections `raisedBy`, other stakeholders' `reportsTo`, relationships from or
 * to them, their guide, their own answer (`voices`), and their place in workshops (attendee lists; agenda
 * items drawn from their answer become `custom` items), negotiable points (`answers` of their voice and
 * `concededTo` them become null), coaching (evidence links to them or their voice; `mobilizerId`) and the
 * voices attached to beliefs of the mental model. Private documents are separate rooms: see
 * `forgetStakeholderInSellerDoc`.
 */
export function removeStakeholder(doc: Y.Doc, id: string): void {
  const maps = sharedMaps(doc);
  transactOn(maps.stakeholders, () => {
    maps.stakeholders.delete(id);
    for (const record of maps.stakeholders.values()) {
      if (record instanceof Y.Map && record.get('reportsTo') === id) record.set('reportsTo', null);
    }
    for (const record of maps.criteria.values()) {
      if (!(record instanceof Y.Map)) continue;
      if (record.get('owner') === id) record.set('owner', null);
      const weights = record.get('weightsByStakeholder');
      if (weights instanceof Y.Map && weights.has(id)) weights.delete(id);
    }
    for (const record of maps.objections.values()) {
      if (record instanceof Y.Map && record.get('raisedBy') === id) record.set('raisedBy', null);
    }
    for (const [relId, record] of [...maps.relationships.entries()]) {
      if (record instanceof Y.Map && (record.get('from') === id || record.get('to') === id)) {
        maps.relationships.delete(relId);
      }
    }
    maps.guides.delete(id);
    maps.voices.delete(id);
    forgetStakeholderInWorkshops(maps, id);
    forgetStakeholderInNegotiables(maps, id);
    forgetStakeholderInCoaching(maps, id);
    forgetStakeholderInMentalModel(maps, id);
  });
}

function readStakeholderRecord(id: string, record: YRecord, exists: (id: string) => boolean): Stakeholder {
  const profile = readEnum(record, 'profile', STAKEHOLDER_PROFILES, 'unknown');
  const reportsTo = readRef(record, 'reportsTo');
  return {
    id,
    name: readString(record, 'name'),
    title: readString(record, 'title'),
    department: readString(record, 'department'),
    role: readEnum(record, 'role', STAKEHOLDER_ROLES, null),
    profile,
    group: profileGroup(profile),
    influence: Math.round(readNumber(record, 'influence', 3, INFLUENCE_MIN, INFLUENCE_MAX)),
    stance: Math.round(readNumber(record, 'stance', 0, STANCE_MIN, STANCE_MAX)),
    commitment: readEnum(record, 'commitment', COMMITMENT_STAGES, 'unaware'),
    reportsTo: reportsTo && reportsTo !== id && exists(reportsTo) ? reportsTo : null,
    priorities: readString(record, 'priorities'),
    order: readNumber(record, 'order', 0),
  };
}

/** Every stakeholder, sorted by `order`. Invalid or missing fields read as their defaults. */
export function readStakeholders(doc: Y.Doc): Stakeholder[] {
  const { stakeholders } = sharedMaps(doc);
  return readRecords(stakeholders, (id, record) =>
    readStakeholderRecord(id, record, (other) => stakeholders.has(other)),
  );
}

/** One stakeholder, or undefined. */
export function readStakeholder(doc: Y.Doc, id: string): Stakeholder | undefined {
  const { stakeholders } = sharedMaps(doc);
  const record = getRecord(stakeholders, id);
  return record && readStakeholderRecord(id, record, (other) => stakeholders.has(other));
}

/** The `priorities` Y.Text of a stakeholder, to bind to a collaborative editor (created if missing). */
export function stakeholderPriorities(doc: Y.Doc, id: string): Y.Text {
  return recordText(sharedMaps(doc).stakeholders, id, 'stakeholder', 'priorities');
}
