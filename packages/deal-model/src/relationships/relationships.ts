import * as Y from 'yjs';
import {
  createRecord,
  getRecord,
  readEnum,
  readRef,
  readString,
  requireRecord,
  transactOn,
  writeField,
} from '../records/index.ts';
import { sharedMaps } from '../shared-doc/shared-maps.ts';
import { assertOneOf, RELATIONSHIP_KINDS, type RelationshipKind } from '../vocabulary/index.ts';

/** A relationship between two stakeholders as a plain snapshot. */
export interface Relationship {
  id: string;
  from: string;
  to: string;
  kind: RelationshipKind;
  note: string;
}

/** Fields of a new relationship. */
export interface RelationshipInput {
  from: string;
  to: string;
  kind: RelationshipKind;
  note?: string;
}

function assertEndpoints(doc: Y.Doc, from: string, to: string): void {
  const { stakeholders } = sharedMaps(doc);
  if (from === to) throw new RangeError('a relationship needs two different stakeholders');
  for (const id of [from, to]) if (!getRecord(stakeholders, id)) throw new RangeError(`unknown stakeholder: ${id}`);
}

/** Adds a relationship between two existing stakeholders and returns its id. */
export function addRelationship(doc: Y.Doc, { from, to, kind, note = '' }: RelationshipInput): string {
  assertOneOf('kind', kind, RELATIONSHIP_KINDS);
  assertEndpoints(doc, from, to);
  return createRecord(sharedMaps(doc).relationships, { from, to, kind, note }, { ordered: false });
}

/** Changes a relationship's kind, note or endpoints. */
export function updateRelationship(doc: Y.Doc, id: string, patch: Partial<RelationshipInput>): void {
  const { relationships } = sharedMaps(doc);
  const record = requireRecord(relationships, id, 'relationship');
  if (patch.kind !== undefined) assertOneOf('kind', patch.kind, RELATIONSHIP_KINDS);
  if (patch.from !== undefined || patch.to !== undefined) {
    assertEndpoints(doc, patch.from ?? String(record.get('from')), patch.to ?? String(record.get('to')));
  }
  transactOn(relationships, () => {
    for (const key of ['from', 'to', 'kind', 'note'] as const) writeField(record, key, patch[key]);
  });
}

/** Removes a relationship. */
export function removeRelationship(doc: Y.Doc, id: string): void {
  sharedMaps(doc).relationships.delete(id);
}

/**
 * Every relationship whose two stakeholders still exist (one left dangling by a concurrent delete is
 * skipped), sorted by id.
 */
export function readRelationships(doc: Y.Doc): Relationship[] {
  const { relationships, stakeholders } = sharedMaps(doc);
  const out: Relationship[] = [];
  for (const [id, record] of relationships.entries()) {
    if (!(record instanceof Y.Map)) continue;
    const from = readRef(record, 'from');
    const to = readRef(record, 'to');
    const kind = readEnum(record, 'kind', RELATIONSHIP_KINDS, null);
    if (!from || !to || !kind || !stakeholders.has(from) || !stakeholders.has(to)) continue;
    out.push({ id, from, to, kind, note: readString(record, 'note') });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
