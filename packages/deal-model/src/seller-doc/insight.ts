import * as Y from 'yjs';
import { readModelGraph } from '../mental-model/mental-model.ts';
import { replaceText } from '../records/index.ts';

/** The commercial insight prototype's three parts (seed 003). */
export const INSIGHT_FIELDS = ['problem', 'missing', 'approach'] as const;
/** A part of the commercial insight prototype. */
export type InsightField = (typeof INSIGHT_FIELDS)[number];

/** Label and seed 003's qualifying question of each insight part. */
export const INSIGHT_FIELD_INFO: Record<InsightField, { label: string; question: string }> = {
  problem: {
    label: 'Business problem and what the customer does today',
    question: "Does this reflect the customer's top-of-mind concerns?",
  },
  missing: {
    label: 'What the customer is missing',
    question: "Does this disrupt the customer's thinking and teach them something new?",
  },
  approach: {
    label: 'New approach (leading to our solution)',
    question: 'Does this lead back to a specific set of our differentiators?',
  },
};

/** The commercial insight as plain text. */
export type Insight = Record<InsightField, string>;

/** The seller document's `insight` map. */
export function insightMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('insight');
}

/** One part of the insight as a Y.Text, for a collaborative editor (created if missing). */
export function insightText(doc: Y.Doc, field: InsightField): Y.Text {
  const map = insightMap(doc);
  const existing = map.get(field);
  if (existing instanceof Y.Text) return existing;
  const created = new Y.Text(typeof existing === 'string' ? existing : '');
  map.set(field, created);
  return created;
}

/** Writes parts of the insight (minimal edits) in one transaction. */
export function updateInsight(doc: Y.Doc, patch: Partial<Insight>): void {
  doc.transact(() => {
    for (const field of INSIGHT_FIELDS) {
      const value = patch[field];
      if (value !== undefined) replaceText(insightText(doc, field), value);
    }
  });
}

/** Reads the insight. */
export function readInsight(doc: Y.Doc): Insight {
  const map = insightMap(doc);
  const read = (field: InsightField): string => {
    const value = map.get(field);
    return value instanceof Y.Text || typeof value === 'string' ? value.toString() : '';
  };
  return { problem: read('problem'), missing: read('missing'), approach: read('approach') };
}

/** The insight's `breaksNodeIds` Y.Array: ids of beliefs of the current model (A) it breaks (created if missing). */
export function insightBreaksArray(doc: Y.Doc): Y.Array<string> {
  const map = insightMap(doc);
  const existing = map.get('breaksNodeIds');
  if (existing instanceof Y.Array) return existing as Y.Array<string>;
  const created = new Y.Array<string>();
  map.set('breaksNodeIds', created);
  return created;
}

/**
 * Names the beliefs of the customer's current mental model (A) that the insight breaks, replacing the list
 * (duplicates dropped), in one transaction. With `shared` (the deal's shared document), each id must be a
 * belief of A (a RangeError otherwise); the seller document alone cannot check it.
 */
export function setInsightBreaks(
  doc: Y.Doc,
  nodeIds: readonly string[],
  { shared = null }: { shared?: Y.Doc | null } = {},
): void {
  const known = shared ? new Set(readModelGraph(shared, 'current').nodes.map((node) => node.id)) : null;
  for (const id of nodeIds) {
    if (typeof id !== 'string' || !id) throw new RangeError('breaksNodeIds must be belief ids');
    if (known && !known.has(id)) throw new RangeError(`breaksNodeIds: unknown belief of the current model ${id}`);
  }
  doc.transact(() => {
    const list = insightBreaksArray(doc);
    list.delete(0, list.length);
    list.push([...new Set(nodeIds)]);
  });
}

/**
 * The beliefs of A the insight breaks, in the order named; with `shared`, only beliefs still in A (a
 * concurrent peer may have removed one).
 */
export function readInsightBreaks(doc: Y.Doc, shared?: Y.Doc | null): string[] {
  const value = insightMap(doc).get('breaksNodeIds');
  if (!(value instanceof Y.Array)) return [];
  const known = shared ? new Set(readModelGraph(shared, 'current').nodes.map((node) => node.id)) : null;
  const out = new Set<string>();
  for (const id of value.toArray()) if (typeof id === 'string' && id && (!known || known.has(id))) out.add(id);
  return [...out];
}
