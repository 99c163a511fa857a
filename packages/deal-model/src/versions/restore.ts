import * as Y from 'yjs';
import type { DocumentJson } from '../exchange/doc-to-json.ts';
import { DOCUMENT_SHAPES, type DocumentKind, isTextPath } from '../exchange/document-shapes.ts';
import { replaceText } from '../records/index.ts';

/**
 * Writes `value` (plain JSON, as `docToJson` makes it) at `path` of a `kind` document so that the document holds
 * exactly it there afterwards: keys the JSON lacks are deleted, objects are merged into the existing Y.Map (so
 * untouched fields keep their history), strings at the shape's text paths go into Y.Text with the smallest edit,
 * arrays replace a differing Y.Array. `value` undefined deletes what is at `path`. Missing maps along the path are
 * created. Call inside a transaction (see {@link restoreRecord}); `path` has at least two segments (a top-level map
 * and a key in it).
 */
export function applyPlainAt(doc: Y.Doc, kind: DocumentKind, path: readonly string[], value: unknown): void {
  if (path.length < 2) throw new RangeError('path: names a top-level map and a key in it');
  let parent = doc.getMap<unknown>(path[0]!);
  for (let i = 1; i < path.length - 1; i++) {
    const next = parent.get(path[i]!);
    if (next instanceof Y.Map) {
      parent = next as Y.Map<unknown>;
    } else {
      if (value === undefined) return;
      const created = new Y.Map<unknown>();
      parent.set(path[i]!, created);
      parent = created;
    }
  }
  const key = path.at(-1)!;
  if (value === undefined) {
    if (parent.has(key)) parent.delete(key);
    return;
  }
  writeValue(parent, key, value, [...path], kind);
}

/**
 * Restores one record of a past version (e.g. `['stakeholders', id]` or `['plan', stage, 'verifiers', id]`) into
 * `doc` as one transaction with `origin` (the room's undo origin, so the person can undo it). `value` is the
 * record's JSON in the version; undefined removes the record (it did not exist then).
 */
export function restoreRecord(
  doc: Y.Doc,
  kind: DocumentKind,
  path: readonly string[],
  value: unknown,
  origin: unknown = null,
): void {
  doc.transact(() => applyPlainAt(doc, kind, path, value), origin);
}

/**
 * Makes `doc` hold exactly a past version's document `json` (as `docToJson` makes it), in one transaction with
 * `origin`: every top-level map of the shape (and any other the JSON has) is set to the version's content, records
 * added since are removed, and top-level texts get the version's text. It is a new change on top of the current
 * state, so every peer receives it and undo takes it back.
 */
export function restoreDocument(doc: Y.Doc, kind: DocumentKind, json: DocumentJson, origin: unknown = null): void {
  const shape = DOCUMENT_SHAPES[kind];
  doc.transact(() => {
    for (const name of shape.texts) {
      const text = json[name];
      replaceText(doc.getText(name), typeof text === 'string' ? text : '');
    }
    const names = new Set([...shape.maps, ...Object.keys(json).filter((name) => !shape.texts.includes(name))]);
    for (const name of names) {
      const value = json[name];
      syncMap(doc.getMap<unknown>(name), isPlainObject(value) ? value : {}, [name], kind);
    }
  }, origin);
}

function writeValue(parent: Y.Map<unknown>, key: string, value: unknown, path: string[], kind: DocumentKind): void {
  const current = parent.get(key);
  if (isPlainObject(value)) {
    if (current instanceof Y.Map) {
      syncMap(current as Y.Map<unknown>, value, path, kind);
    } else {
      const child = new Y.Map<unknown>();
      parent.set(key, child);
      syncMap(child, value, path, kind);
    }
  } else if (Array.isArray(value)) {
    if (current instanceof Y.Array && JSON.stringify(current.toJSON()) === JSON.stringify(value)) return;
    parent.set(key, Y.Array.from(value));
  } else if (typeof value === 'string' && isTextPath(kind, path)) {
    if (current instanceof Y.Text) replaceText(current, value);
    else parent.set(key, new Y.Text(value));
  } else if (current !== value) {
    parent.set(key, value);
  }
}

function syncMap(map: Y.Map<unknown>, object: Record<string, unknown>, path: string[], kind: DocumentKind): void {
  for (const key of [...map.keys()]) if (!(key in object)) map.delete(key);
  for (const [key, value] of Object.entries(object)) writeValue(map, key, value, [...path, key], kind);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
