import * as Y from 'yjs';
import { replaceText } from '../records/index.ts';
import type { DocumentJson } from './doc-to-json.ts';
import { DOCUMENT_SHAPES, type DocumentKind, isTextPath } from './document-shapes.ts';

/**
 * Writes a document's plain JSON (as {@link docToJson} makes it, already validated) into `doc`, in one transaction:
 * records are merged by id (a new id is added with its id kept, an existing one has the fields the JSON names
 * updated; nothing is deleted). Strings at the shape's text paths become Y.Text (an existing one gets the smallest
 * edit), objects become Y.Map, arrays Y.Array (replaced whole); other values are stored as they are.
 */
export function mergeJson(doc: Y.Doc, kind: DocumentKind, json: DocumentJson): void {
  const shape = DOCUMENT_SHAPES[kind];
  doc.transact(() => {
    for (const [name, value] of Object.entries(json)) {
      if (shape.texts.includes(name)) {
        if (typeof value === 'string') replaceText(doc.getText(name), value);
      } else if (isPlainObject(value)) {
        mergeInto(doc.getMap(name), value, [name], kind);
      }
    }
  });
}

/** A new document holding `json` (see {@link mergeJson}). */
export function jsonToDoc(kind: DocumentKind, json: DocumentJson): Y.Doc {
  const doc = new Y.Doc();
  mergeJson(doc, kind, json);
  return doc;
}

function mergeInto(map: Y.Map<unknown>, object: Record<string, unknown>, path: string[], kind: DocumentKind): void {
  for (const [key, value] of Object.entries(object)) {
    const at = [...path, key];
    const current = map.get(key);
    if (isPlainObject(value)) {
      if (current instanceof Y.Map) {
        mergeInto(current, value, at, kind);
      } else {
        const child = new Y.Map<unknown>();
        map.set(key, child);
        mergeInto(child, value, at, kind);
      }
    } else if (Array.isArray(value)) {
      if (current instanceof Y.Array) {
        if (JSON.stringify(current.toJSON()) === JSON.stringify(value)) continue;
        current.delete(0, current.length);
        current.push(value);
      } else {
        map.set(key, Y.Array.from(value));
      }
    } else if (typeof value === 'string' && isTextPath(kind, at)) {
      if (current instanceof Y.Text) replaceText(current, value);
      else map.set(key, new Y.Text(value));
    } else if (current !== value) {
      map.set(key, value);
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
