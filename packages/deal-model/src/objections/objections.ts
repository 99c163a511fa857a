import * as Y from 'yjs';
import { forgetLinkInCoaching } from '../coaching/coaching-references.ts';
import { forgetConcernInNegotiables } from '../negotiables/negotiable-references.ts';
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
} from '../records/index.ts';
import { sharedMaps } from '../shared-doc/shared-maps.ts';
import {
  assertOneOf,
  OBJECTION_CATEGORIES,
  OBJECTION_OWNERS,
  OBJECTION_STATUSES,
  type ObjectionCategory,
  type ObjectionOwner,
  type ObjectionStatus,
} from '../vocabulary/index.ts';
import { forgetSourceInWorkshops } from '../workshops/workshop-references.ts';

/** An objection as a plain snapshot. */
export interface Objection {
  id: string;
  title: string;
  /** An existing stakeholder id, or null (a deleted raiser reads as null). */
  raisedBy: string | null;
  category: ObjectionCategory;
  response: string;
  evidence: string;
  status: ObjectionStatus;
  owner: ObjectionOwner;
  order: number;
}

/** Fields of a new objection; everything but `title` has a default. */
export interface ObjectionInput {
  title: string;
  raisedBy?: string | null;
  /** Default `other`. */
  category?: ObjectionCategory;
  response?: string;
  evidence?: string;
  /** Default `open`. */
  status?: ObjectionStatus;
  /** Default `seller`. */
  owner?: ObjectionOwner;
  order?: number;
}

/** Fields to change on an objection (`response` and `evidence` are applied to their Y.Text as minimal edits). */
export type ObjectionPatch = Partial<Omit<ObjectionInput, 'order'>>;

function validate(doc: Y.Doc, patch: ObjectionPatch): void {
  if (patch.category !== undefined) assertOneOf('category', patch.category, OBJECTION_CATEGORIES);
  if (patch.status !== undefined) assertOneOf('status', patch.status, OBJECTION_STATUSES);
  if (patch.owner !== undefined) assertOneOf('owner', patch.owner, OBJECTION_OWNERS);
  if (
    patch.raisedBy !== undefined &&
    patch.raisedBy !== null &&
    !getRecord(sharedMaps(doc).stakeholders, patch.raisedBy)
  ) {
    throw new RangeError(`raisedBy: unknown stakeholder ${patch.raisedBy}`);
  }
}

/** Adds an objection and returns its id. */
export function addObjection(doc: Y.Doc, input: ObjectionInput): string {
  validate(doc, input);
  return createRecord(
    sharedMaps(doc).objections,
    {
      title: input.title,
      raisedBy: input.raisedBy ?? null,
      category: input.category ?? 'other',
      response: input.response ?? '',
      evidence: input.evidence ?? '',
      status: input.status ?? 'open',
      owner: input.owner ?? 'seller',
      order: input.order,
    },
    { textFields: ['response', 'evidence'] },
  );
}

/** Changes fields of an objection. */
export function updateObjection(doc: Y.Doc, id: string, patch: ObjectionPatch): void {
  validate(doc, patch);
  updateRecord(sharedMaps(doc).objections, id, 'objection', { ...patch });
}

/** Moves an objection to position `toIndex`. */
export function reorderObjection(doc: Y.Doc, id: string, toIndex: number): void {
  reorderRecord(sharedMaps(doc).objections, id, 'objection', toIndex);
}

/**
 * Removes an objection and its id from every guide's `objectionIds`, in one transaction; workshop agenda
 * items about it become `custom` items, negotiable points answering it answer nothing, and coaching evidence
 * linking to it goes.
 */
export function removeObjection(doc: Y.Doc, id: string): void {
  const maps = sharedMaps(doc);
  const { objections, guides } = maps;
  transactOn(objections, () => {
    objections.delete(id);
    forgetSourceInWorkshops(maps, `objection:${id}`);
    forgetConcernInNegotiables(maps, `objection:${id}`);
    forgetLinkInCoaching(maps, `objection:${id}`);
    for (const guide of guides.values()) {
      const ids = guide instanceof Y.Map ? guide.get('objectionIds') : undefined;
      if (!(ids instanceof Y.Array)) continue;
      const list = ids.toArray();
      for (let i = list.length - 1; i >= 0; i--) if (list[i] === id) ids.delete(i, 1);
    }
  });
}

/** The `response` or `evidence` Y.Text of an objection, for a collaborative editor. */
export function objectionText(doc: Y.Doc, id: string, field: 'response' | 'evidence'): Y.Text {
  return recordText(sharedMaps(doc).objections, id, 'objection', field);
}

/** Every objection, sorted by `order`. */
export function readObjections(doc: Y.Doc): Objection[] {
  const { objections, stakeholders } = sharedMaps(doc);
  return readRecords(objections, (id, record) => {
    const raisedBy = readRef(record, 'raisedBy');
    return {
      id,
      title: readString(record, 'title'),
      raisedBy: raisedBy && stakeholders.has(raisedBy) ? raisedBy : null,
      category: readEnum(record, 'category', OBJECTION_CATEGORIES, 'other'),
      response: readString(record, 'response'),
      evidence: readString(record, 'evidence'),
      status: readEnum(record, 'status', OBJECTION_STATUSES, 'open'),
      owner: readEnum(record, 'owner', OBJECTION_OWNERS, 'seller'),
      order: readNumber(record, 'order', 0),
    };
  });
}

/** Whether an objection has a title: untitled objections are drafts, never published in a guide. */
export function hasTitle(objection: Pick<Objection, 'title'>): boolean {
  return objection.title.trim() !== '';
}

/** An objection named in a sentence: its title in quotes, or "an untitled objection" (never `""`). */
export function objectionName(objection: Pick<Objection, 'title'>): string {
  return hasTitle(objection) ? `"${objection.title.trim()}"` : 'an untitled objection';
}
