import * as Y from 'yjs';

/** Which of a deal's three documents a change was made in (DESIGN.md 2): who may see its activity follows from it. */
export type ActivityRoom = 'shared' | 'seller' | 'buyer';

/** The record types the activity feed knows, per document. */
export type ActivityRecordType =
  | 'deal'
  | 'stakeholder'
  | 'relationship'
  | 'option'
  | 'criterion'
  | 'objection'
  | 'verifier'
  | 'guide'
  | 'voice'
  | 'workshop'
  | 'negotiable'
  | 'coaching'
  | 'mental-model'
  | 'seller-notes'
  | 'buyer-notes'
  | 'stakeholder-note'
  | 'blocker-plan'
  | 'insight';

/** One record of a document: its type, id, and where it lives (the keys from the root type down). */
export interface RecordRef {
  recordType: ActivityRecordType;
  recordId: string;
  path: readonly string[];
}

/** Top-level maps of the shared document whose entries are records keyed by id. */
const SHARED_RECORD_MAPS: Record<string, ActivityRecordType> = {
  stakeholders: 'stakeholder',
  relationships: 'relationship',
  options: 'option',
  criteria: 'criterion',
  objections: 'objection',
  guides: 'guide',
  voices: 'voice',
  workshops: 'workshop',
  negotiables: 'negotiable',
};

/** Top-level types of the shared document that are one record each. */
const SHARED_SINGLE: Record<string, [ActivityRecordType, string]> = {
  meta: ['deal', 'meta'],
  coaching: ['coaching', 'coaching'],
  mentalModel: ['mental-model', 'mentalModel'],
};

const PRIVATE_RECORD_MAPS: Record<ActivityRoom, Record<string, ActivityRecordType>> = {
  shared: SHARED_RECORD_MAPS,
  seller: { stakeholderNotes: 'stakeholder-note', blockerPlans: 'blocker-plan' },
  buyer: { stakeholderNotes: 'stakeholder-note' },
};

const PRIVATE_SINGLE: Record<ActivityRoom, Record<string, [ActivityRecordType, string]>> = {
  shared: SHARED_SINGLE,
  seller: { notes: ['seller-notes', 'notes'], insight: ['insight', 'insight'] },
  buyer: { notes: ['buyer-notes', 'notes'] },
};

/**
 * The record a key path of a document belongs to (`['stakeholders', id, 'influence']` → the stakeholder `id`), or null
 * for a path that is not inside a record the feed knows (a plan stage itself, an unknown root).
 */
export function recordAt(room: ActivityRoom, path: readonly string[]): RecordRef | null {
  const [root, first, second, third] = path;
  if (root === undefined) return null;
  const single = PRIVATE_SINGLE[room][root];
  if (single) return { recordType: single[0], recordId: single[1], path: [root] };
  const type = PRIVATE_RECORD_MAPS[room][root];
  if (type) return first === undefined ? null : { recordType: type, recordId: first, path: [root, first] };
  if (room === 'shared' && root === 'plan' && first !== undefined && second === 'verifiers' && third !== undefined) {
    return { recordType: 'verifier', recordId: third, path: [root, first, second, third] };
  }
  return null;
}

/** The key path from the document's root to a type (`[rootName, key, …]`), or null for a type in no map. */
// biome-ignore lint/suspicious/noExplicitAny: Yjs types every type's events differently; only their parents are read
function pathOf(type: Y.AbstractType<any>): string[] | null {
  const keys: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: as above
  let current: Y.AbstractType<any> = type;
  while (current._item) {
    const key = current._item.parentSub;
    if (key === null) return null; // inside an array or text: the feed has no such records
    keys.unshift(key);
    // biome-ignore lint/suspicious/noExplicitAny: as above
    current = current._item.parent as Y.AbstractType<any>;
  }
  const doc = current.doc;
  if (!doc) return null;
  for (const [name, root] of doc.share) {
    if (root === current) return [name, ...keys];
  }
  return null;
}

/** The records a transaction touched (each once), from the types and keys it changed. */
export function touchedRecords(room: ActivityRoom, transaction: Y.Transaction): RecordRef[] {
  const found = new Map<string, RecordRef>();
  for (const [type, keys] of transaction.changed) {
    const base = pathOf(type);
    if (!base) continue;
    const paths = keys.size === 0 ? [base] : [...keys].map((key) => (key === null ? base : [...base, key]));
    for (const path of paths) {
      const ref = recordAt(room, path);
      if (ref) found.set(recordKey(ref), ref);
    }
  }
  return [...found.values()];
}

/** A record's key in a snapshot: its path joined. */
export function recordKey(ref: Pick<RecordRef, 'path'>): string {
  return ref.path.join('/');
}

/** A record's current content as plain JSON (Y.Text as a string), or undefined when it does not exist. */
export function readRecord(doc: Y.Doc, ref: Pick<RecordRef, 'path'>): unknown {
  const [root, ...keys] = ref.path;
  if (root === undefined || !doc.share.has(root)) return undefined;
  let value: unknown = doc.share.get(root);
  if (value instanceof Y.AbstractType && !(value instanceof Y.Map) && !(value instanceof Y.Text)) {
    // A root type not yet used under its own constructor: read it as the type the schema says it is.
    value = keys.length === 0 && root === 'notes' ? doc.getText(root) : doc.getMap(root);
  }
  for (const key of keys) {
    if (!(value instanceof Y.Map)) return undefined;
    value = value.get(key);
  }
  if (value === undefined) return undefined;
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}

/** Every record of a document the feed knows, by {@link recordKey}: the "before" of the first change. */
export function snapshotRecords(doc: Y.Doc, room: ActivityRoom): Map<string, unknown> {
  const records = new Map<string, unknown>();
  const put = (path: string[]) => {
    const value = readRecord(doc, { path });
    if (value !== undefined) records.set(path.join('/'), value);
  };
  for (const root of Object.keys(PRIVATE_SINGLE[room])) if (doc.share.has(root)) put([root]);
  for (const root of Object.keys(PRIVATE_RECORD_MAPS[room])) {
    if (!doc.share.has(root)) continue;
    for (const id of doc.getMap(root).keys()) put([root, id]);
  }
  if (room === 'shared' && doc.share.has('plan')) {
    for (const [stageId, stage] of doc.getMap('plan')) {
      const verifiers = stage instanceof Y.Map ? stage.get('verifiers') : undefined;
      if (!(verifiers instanceof Y.Map)) continue;
      for (const id of verifiers.keys()) put(['plan', stageId, 'verifiers', id]);
    }
  }
  return records;
}
