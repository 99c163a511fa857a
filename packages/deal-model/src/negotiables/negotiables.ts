import type * as Y from 'yjs';
import { forgetLinkInCoaching } from '../coaching/coaching-references.ts';
import {
  createRecord,
  getRecord,
  readEnum,
  readNumber,
  readRecords,
  readRef,
  readString,
  reorderRecord,
  transactOn,
  updateRecord,
  type YRecord,
} from '../records/index.ts';
import { methodLinkExists } from '../shared-doc/method-link-exists.ts';
import { type SharedMaps, sharedMaps } from '../shared-doc/shared-maps.ts';
import { assertOneOf } from '../vocabulary/index.ts';

/** Where a negotiable point stands. `conceded`: given to satisfy the concern; `withdrawn`: no longer offered. */
export const NEGOTIABLE_STATUSES = ['proposed', 'agreed', 'conceded', 'withdrawn'] as const;
/** A negotiable point's status. */
export type NegotiableStatus = (typeof NEGOTIABLE_STATUSES)[number];
/** Human labels for {@link NegotiableStatus}. */
export const NEGOTIABLE_STATUS_LABELS: Record<NegotiableStatus, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  conceded: 'Conceded',
  withdrawn: 'Withdrawn',
};
/** The concern a negotiable point answers: an objection or a stakeholder's own answer (their voice). */
export type NegotiableConcern = `objection:${string}` | `voice:${string}`;

/** A negotiable point (seed 003, commercial coaching stage 4) as a plain snapshot. */
export interface Negotiable {
  id: string;
  /** The attribute of the purchase that can be conceded, e.g. "Lease term of 36 or 48 months". */
  text: string;
  /** The concern it answers, pointing at an existing record, or null. */
  answers: NegotiableConcern | null;
  /** The stakeholder it was conceded to (existing), or null. */
  concededTo: string | null;
  status: NegotiableStatus;
  order: number;
}

/** Fields of a new negotiable point; everything but `text` has a default. */
export interface NegotiableInput {
  text: string;
  answers?: NegotiableConcern | null;
  concededTo?: string | null;
  /** Default `proposed`. */
  status?: NegotiableStatus;
  order?: number;
}

/** Fields to change on a negotiable point. */
export type NegotiablePatch = Partial<Omit<NegotiableInput, 'order'>>;

const CONCERN_KINDS = ['objection', 'voice'] as const;

function validate(maps: SharedMaps, patch: NegotiablePatch): void {
  if (patch.text !== undefined && typeof patch.text !== 'string') throw new RangeError('text must be a string');
  if (patch.status !== undefined) assertOneOf('status', patch.status, NEGOTIABLE_STATUSES);
  if (patch.answers != null && !methodLinkExists(maps, patch.answers, CONCERN_KINDS)) {
    throw new RangeError(
      `answers must be objection:<id> or voice:<stakeholderId> of an existing record; got ${patch.answers}`,
    );
  }
  if (patch.concededTo != null && !getRecord(maps.stakeholders, patch.concededTo)) {
    throw new RangeError(`concededTo: unknown stakeholder ${patch.concededTo}`);
  }
}

/** Adds a negotiable point and returns its id. */
export function addNegotiable(doc: Y.Doc, input: NegotiableInput): string {
  const maps = sharedMaps(doc);
  validate(maps, input);
  return createRecord(maps.negotiables, {
    text: input.text,
    answers: input.answers ?? null,
    concededTo: input.concededTo ?? null,
    status: input.status ?? 'proposed',
    order: input.order,
  });
}

/** Changes fields of a negotiable point (a RangeError on an unknown id or invalid value). */
export function updateNegotiable(doc: Y.Doc, id: string, patch: NegotiablePatch): void {
  const maps = sharedMaps(doc);
  validate(maps, patch);
  const { text, answers, concededTo, status } = patch;
  updateRecord(maps.negotiables, id, 'negotiable', { text, answers, concededTo, status });
}

/** Moves a negotiable point to position `toIndex`. */
export function reorderNegotiable(doc: Y.Doc, id: string, toIndex: number): void {
  reorderRecord(sharedMaps(doc).negotiables, id, 'negotiable', toIndex);
}

/** Removes a negotiable point and, in the same transaction, its links from the coaching evidence. */
export function removeNegotiable(doc: Y.Doc, id: string): void {
  const maps = sharedMaps(doc);
  transactOn(maps.negotiables, () => {
    maps.negotiables.delete(id);
    forgetLinkInCoaching(maps, `negotiable:${id}`);
  });
}

function readNegotiableRecord(maps: SharedMaps, id: string, record: YRecord): Negotiable {
  const answers = record.get('answers');
  const concededTo = readRef(record, 'concededTo');
  return {
    id,
    text: readString(record, 'text'),
    answers: methodLinkExists(maps, answers, CONCERN_KINDS) ? (answers as NegotiableConcern) : null,
    concededTo: concededTo && maps.stakeholders.has(concededTo) ? concededTo : null,
    status: readEnum(record, 'status', NEGOTIABLE_STATUSES, 'proposed'),
    order: readNumber(record, 'order', 0),
  };
}

/** Every negotiable point, sorted by `order`; references to removed records read as null. */
export function readNegotiables(doc: Y.Doc): Negotiable[] {
  const maps = sharedMaps(doc);
  return readRecords(maps.negotiables, (id, record) => readNegotiableRecord(maps, id, record));
}

/** One negotiable point, or undefined. */
export function readNegotiable(doc: Y.Doc, id: string): Negotiable | undefined {
  const maps = sharedMaps(doc);
  const record = getRecord(maps.negotiables, id);
  return record && readNegotiableRecord(maps, id, record);
}
