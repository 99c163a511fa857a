import * as Y from 'yjs';
import { DOCUMENT_SHAPES, type DocumentKind } from './document-shapes.ts';

/** A document as plain JSON: each top-level map an object, each text a string. */
export type DocumentJson = Record<string, unknown>;

/**
 * A document as plain JSON in the schema of DESIGN.md section 2: Y.Map → object (keys sorted, so two exports
 * of the same content are the same text), Y.Text → string, Y.Array → array. Every top-level map and text of the
 * shape is present (empty when the document lacks it); other top-level maps the document holds come along too.
 */
export function docToJson(doc: Y.Doc, kind: DocumentKind): DocumentJson {
  const shape = DOCUMENT_SHAPES[kind];
  const out: DocumentJson = {};
  for (const name of shape.texts) out[name] = doc.getText(name).toString();
  for (const name of shape.maps) out[name] = toPlain(doc.getMap(name));
  for (const [name, type] of doc.share) {
    if (name in out) continue;
    // An unnamed top-level type that holds keys and no sequence is a map someone added; texts and arrays
    // outside the shape cannot be told apart and are left out.
    if (type._start === null && type._map.size > 0) out[name] = toPlain(doc.getMap(name));
  }
  return sortKeys(out);
}

/** A Yjs value (or a plain value stored in one) as plain JSON. */
export function toPlain(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value.entries()) out[key] = toPlain(item);
    return sortKeys(out);
  }
  if (value instanceof Y.Text) return value.toString();
  if (value instanceof Y.Array) return value.toArray().map(toPlain);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return sortKeys(Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)])));
  }
  return value;
}

function sortKeys<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}
