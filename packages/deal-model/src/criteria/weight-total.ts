import type * as Y from 'yjs';
import { WEIGHT_MAX } from '../vocabulary/index.ts';
import { type Criterion, readCriteria, updateCriterion } from './criteria.ts';

/** What the criteria's agreed weights add up to: every weight counts toward 100. */
export function weightTotal(criteria: readonly Pick<Criterion, 'weight'>[]): number {
  return criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
}

/**
 * The weights scaled so they add up to exactly 100, as whole numbers (largest remainder: the rounding
 * goes to the criteria that lost most to it, ties to the earlier one). Keeps the weights' proportions;
 * `null` when there is nothing to scale (no criteria, or every weight 0).
 */
export function normalizedWeights(criteria: readonly Pick<Criterion, 'id' | 'weight'>[]): Map<string, number> | null {
  const total = weightTotal(criteria);
  if (criteria.length === 0 || total <= 0) return null;
  const exact = criteria.map((c, index) => ({ id: c.id, index, value: (c.weight * 100) / total }));
  const result = new Map(exact.map((e) => [e.id, Math.floor(e.value)]));
  let left = 100 - [...result.values()].reduce((sum, w) => sum + w, 0);
  const byRemainder = [...exact].sort(
    (a, b) => b.value - Math.floor(b.value) - (a.value - Math.floor(a.value)) || a.index - b.index,
  );
  for (const entry of byRemainder) {
    if (left <= 0) break;
    result.set(entry.id, (result.get(entry.id) ?? 0) + 1);
    left--;
  }
  return result;
}

/** Scales every criterion's weight so they add up to 100 (see {@link normalizedWeights}); false when there was nothing to scale. */
export function normalizeWeights(doc: Y.Doc): boolean {
  const weights = normalizedWeights(readCriteria(doc));
  if (!weights) return false;
  doc.transact(() => {
    for (const [id, weight] of weights) updateCriterion(doc, id, { weight });
  });
  return true;
}

/** A weight as typed in a field: the whole number to store, or the sentence that says why it was refused. */
export type ParsedWeight = { weight: number; error?: undefined } | { weight?: undefined; error: string };

/**
 * Reads a typed weight: a number from 0 to 100, rounded to a whole number. Anything else is refused with a
 * sentence to show (150 is not clamped to 100 behind the person's back).
 */
export function parseWeight(raw: string): ParsedWeight {
  const text = raw.trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) return { error: 'A weight is a number from 0 to 100.' };
  if (value < 0 || value > WEIGHT_MAX) {
    return {
      error: `A weight runs from 0 to ${WEIGHT_MAX}; ${text} was not saved. Weights of all criteria add up to 100.`,
    };
  }
  return { weight: Math.round(value) };
}
