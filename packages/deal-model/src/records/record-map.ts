import * as Y from 'yjs';
import { compareOrdered, type Ordered, orderBetween } from './fractional-order.ts';
import { newId } from './ids.ts';
import { replaceText } from './text-edits.ts';

/** A record: a Y.Map stored under its id in a top-level (or nested) Y.Map. */
export type YRecord = Y.Map<unknown>;
/** A map of records, id → record. */
export type YRecordMap = Y.Map<YRecord>;

/** Runs `fn` in one transaction of the document that holds `type` (or directly if not yet integrated). */
export function transactOn<T>(type: { doc: Y.Doc | null }, fn: () => T): T {
  const doc = type.doc;
  if (!doc) return fn();
  let result: T | undefined;
  doc.transact(() => {
    result = fn();
  });
  return result as T;
}

/** Returns the record under `id`, or undefined. */
export function getRecord(records: YRecordMap, id: string): YRecord | undefined {
  const record = records.get(id);
  return record instanceof Y.Map ? record : undefined;
}

/** Returns the record under `id`, or throws a RangeError naming the kind. */
export function requireRecord(records: YRecordMap, id: string, kind: string): YRecord {
  const record = getRecord(records, id);
  if (!record) throw new RangeError(`unknown ${kind}: ${id}`);
  return record;
}

/** The records' ids and orders, sorted (order, then id). */
export function orderedIds(records: YRecordMap): Ordered[] {
  const out: Ordered[] = [];
  for (const [id, record] of records.entries()) {
    if (!(record instanceof Y.Map)) continue;
    const order = record.get('order');
    out.push({ id, order: typeof order === 'number' && Number.isFinite(order) ? order : 0 });
  }
  return out.sort(compareOrdered);
}

/** An order value after every existing record. */
export function orderAtEnd(records: YRecordMap): number {
  const list = orderedIds(records);
  return orderBetween(list.at(-1)?.order, undefined) ?? list.length + 1;
}

/**
 * Writes `value` into `record[key]`: strings go into the existing Y.Text (smallest edit) when the
 * field is a Y.Text, `undefined` is skipped, `null` is stored as null.
 */
export function writeField(record: YRecord, key: string, value: unknown): void {
  if (value === undefined) return;
  const current = record.get(key);
  if (current instanceof Y.Text && typeof value === 'string') {
    replaceText(current, value);
    return;
  }
  record.set(key, value);
}

/**
 * Creates a record under a new (or given) id. Fields named in `textFields` become Y.Text; `order`
 * defaults to after the last record. Returns the id.
 */
export function createRecord(
  records: YRecordMap,
  fields: Record<string, unknown>,
  { id = newId(), textFields = [] as readonly string[], ordered = true } = {},
): string {
  transactOn(records, () => {
    const record = new Y.Map<unknown>();
    const values: Record<string, unknown> = { ...fields };
    for (const key of textFields) values[key] = new Y.Text(typeof fields[key] === 'string' ? fields[key] : '');
    if (ordered && typeof fields.order !== 'number') values.order = orderAtEnd(records);
    for (const [key, value] of Object.entries(values)) if (value !== undefined) record.set(key, value);
    records.set(id, record);
  });
  return id;
}

/** Updates the given fields of a record in one transaction (see {@link writeField}). */
export function updateRecord(records: YRecordMap, id: string, kind: string, patch: Record<string, unknown>): void {
  const record = requireRecord(records, id, kind);
  transactOn(records, () => {
    for (const [key, value] of Object.entries(patch)) writeField(record, key, value);
  });
}

/**
 * Moves a record to `toIndex` of the ordered list (0 = first; clamped), giving it an order between its
 * new neighbours. When the neighbours are too close for a new double, renumbers the list 1..n.
 */
export function reorderRecord(records: YRecordMap, id: string, kind: string, toIndex: number): void {
  const record = requireRecord(records, id, kind);
  const others = orderedIds(records).filter((entry) => entry.id !== id);
  const index = Math.max(0, Math.min(others.length, Math.trunc(toIndex)));
  transactOn(records, () => {
    const order = orderBetween(others[index - 1]?.order, others[index]?.order);
    if (order !== null) {
      record.set('order', order);
      return;
    }
    others.splice(index, 0, { id, order: 0 });
    others.forEach((entry, i) => {
      getRecord(records, entry.id)?.set('order', i + 1);
    });
  });
}

/** Sorted snapshots of every record, made by `read`. */
export function readRecords<T extends Ordered>(records: YRecordMap, read: (id: string, record: YRecord) => T): T[] {
  const out: T[] = [];
  for (const [id, record] of records.entries()) {
    if (record instanceof Y.Map) out.push(read(id, record));
  }
  return out.sort(compareOrdered);
}

/** The Y.Text in `record[key]` of record `id`, for binding to a collaborative editor (created if missing). */
export function recordText(records: YRecordMap, id: string, kind: string, key: string): Y.Text {
  const record = requireRecord(records, id, kind);
  const text = record.get(key);
  if (text instanceof Y.Text) return text;
  const created = new Y.Text(typeof text === 'string' ? text : '');
  record.set(key, created);
  return created;
}
