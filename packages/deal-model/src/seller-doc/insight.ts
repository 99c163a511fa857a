import * as Y from 'yjs';
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
