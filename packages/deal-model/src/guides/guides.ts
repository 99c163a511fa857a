import * as Y from 'yjs';
import { getRecord, readString, requireRecord, transactOn, writeField, type YRecord } from '../records/index.ts';
import { sharedMaps } from '../shared-doc/shared-maps.ts';

/** The three Y.Text fields of a guide. */
export const GUIDE_TEXT_FIELDS = ['summary', 'keyMessages', 'asks'] as const;
/** A Y.Text field of a guide. */
export type GuideTextField = (typeof GUIDE_TEXT_FIELDS)[number];

/** A stakeholder guide (keyed by the stakeholder it is for) as a plain snapshot. */
export interface Guide {
  stakeholderId: string;
  summary: string;
  keyMessages: string;
  asks: string;
  /** Ids of existing objections to include, in the guide's order, without duplicates. */
  objectionIds: string[];
}

/** Fields to write into a guide. */
export type GuidePatch = Partial<Omit<Guide, 'stakeholderId'>>;

function newGuide(): YRecord {
  const guide = new Y.Map<unknown>();
  for (const field of GUIDE_TEXT_FIELDS) guide.set(field, new Y.Text());
  guide.set('objectionIds', new Y.Array<string>());
  return guide;
}

/** Returns the guide for a stakeholder, creating an empty one when there is none. */
export function ensureGuide(doc: Y.Doc, stakeholderId: string): Y.Map<unknown> {
  const { guides, stakeholders } = sharedMaps(doc);
  requireRecord(stakeholders, stakeholderId, 'stakeholder');
  const existing = getRecord(guides, stakeholderId);
  if (existing) return existing;
  const guide = newGuide();
  guides.set(stakeholderId, guide);
  return guide;
}

function objectionIdsOf(guide: YRecord): Y.Array<string> {
  const ids = guide.get('objectionIds');
  if (ids instanceof Y.Array) return ids as Y.Array<string>;
  const created = new Y.Array<string>();
  guide.set('objectionIds', created);
  return created;
}

/** Writes guide fields (creating the guide if needed) in one transaction; `objectionIds` replaces the list. */
export function updateGuide(doc: Y.Doc, stakeholderId: string, patch: GuidePatch): void {
  const { guides } = sharedMaps(doc);
  transactOn(guides, () => {
    const guide = ensureGuide(doc, stakeholderId);
    for (const field of GUIDE_TEXT_FIELDS) writeField(guide, field, patch[field]);
    if (patch.objectionIds) {
      const ids = objectionIdsOf(guide);
      ids.delete(0, ids.length);
      ids.push([...new Set(patch.objectionIds)]);
    }
  });
}

/** Adds an objection to a guide (no-op when already listed). */
export function addGuideObjection(doc: Y.Doc, stakeholderId: string, objectionId: string): void {
  const { guides, objections } = sharedMaps(doc);
  requireRecord(objections, objectionId, 'objection');
  transactOn(guides, () => {
    const ids = objectionIdsOf(ensureGuide(doc, stakeholderId));
    if (!ids.toArray().includes(objectionId)) ids.push([objectionId]);
  });
}

/** Removes an objection from a guide. */
export function removeGuideObjection(doc: Y.Doc, stakeholderId: string, objectionId: string): void {
  const guide = getRecord(sharedMaps(doc).guides, stakeholderId);
  if (!guide) return;
  transactOn(guide, () => {
    const ids = objectionIdsOf(guide);
    const list = ids.toArray();
    for (let i = list.length - 1; i >= 0; i--) if (list[i] === objectionId) ids.delete(i, 1);
  });
}

/** Removes a stakeholder's guide. */
export function removeGuide(doc: Y.Doc, stakeholderId: string): void {
  sharedMaps(doc).guides.delete(stakeholderId);
}

/** A guide's `summary`, `keyMessages` or `asks` Y.Text, for a collaborative editor (guide created if needed). */
export function guideText(doc: Y.Doc, stakeholderId: string, field: GuideTextField): Y.Text {
  const guide = ensureGuide(doc, stakeholderId);
  const text = guide.get(field);
  if (text instanceof Y.Text) return text;
  const created = new Y.Text(typeof text === 'string' ? text : '');
  guide.set(field, created);
  return created;
}

function readGuideRecord(doc: Y.Doc, stakeholderId: string, guide: YRecord): Guide {
  const { objections } = sharedMaps(doc);
  const ids = guide.get('objectionIds');
  const list = ids instanceof Y.Array ? ids.toArray() : [];
  return {
    stakeholderId,
    summary: readString(guide, 'summary'),
    keyMessages: readString(guide, 'keyMessages'),
    asks: readString(guide, 'asks'),
    objectionIds: [...new Set(list.filter((id): id is string => typeof id === 'string' && objections.has(id)))],
  };
}

/** The guide for a stakeholder, or undefined (also when the stakeholder no longer exists). */
export function readGuide(doc: Y.Doc, stakeholderId: string): Guide | undefined {
  const { guides, stakeholders } = sharedMaps(doc);
  const guide = getRecord(guides, stakeholderId);
  return guide && stakeholders.has(stakeholderId) ? readGuideRecord(doc, stakeholderId, guide) : undefined;
}

/** Every guide of an existing stakeholder, sorted by stakeholder id. */
export function readGuides(doc: Y.Doc): Guide[] {
  const { guides, stakeholders } = sharedMaps(doc);
  const out: Guide[] = [];
  for (const [id, guide] of guides.entries()) {
    if (guide instanceof Y.Map && stakeholders.has(id)) out.push(readGuideRecord(doc, id, guide));
  }
  return out.sort((a, b) => (a.stakeholderId < b.stakeholderId ? -1 : 1));
}
