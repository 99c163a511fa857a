import { describe, expect, it } from 'vitest';
import { newDeal } from '../testing/two-peers.ts';
import { addCriterion, readCriteria } from './criteria.ts';
import { normalizedWeights, normalizeWeights, parseWeight, weightTotal } from './weight-total.ts';

describe('criteria weights adding up to 100', () => {
  it('adds the weights up and scales them to exactly 100, keeping their proportions', () => {
    const doc = newDeal();
    addCriterion(doc, { name: 'Price', weight: 50 });
    addCriterion(doc, { name: 'Security', weight: 50 });
    addCriterion(doc, { name: 'Support', weight: 50 });
    expect(weightTotal(readCriteria(doc))).toBe(150);
    expect(normalizeWeights(doc)).toBe(true);
    const weights = readCriteria(doc).map((c) => c.weight);
    expect(weights).toEqual([34, 33, 33]);
    expect(weightTotal(readCriteria(doc))).toBe(100);
  });

  it('scales a total under 100 up, giving the rounding to the largest remainders', () => {
    const scaled = normalizedWeights([
      { id: 'a', weight: 10 },
      { id: 'b', weight: 20 },
      { id: 'c', weight: 30 },
    ]);
    expect(Object.fromEntries(scaled!)).toEqual({ a: 17, b: 33, c: 50 });
  });

  it('has nothing to scale without criteria or with every weight at 0', () => {
    expect(normalizedWeights([])).toBeNull();
    expect(normalizedWeights([{ id: 'a', weight: 0 }])).toBeNull();
    expect(normalizeWeights(newDeal())).toBe(false);
  });

  it('refuses 150 with a sentence instead of clamping it, and rounds an accepted weight', () => {
    expect(parseWeight('150')).toEqual({ error: expect.stringContaining('150 was not saved') });
    expect(parseWeight('-5').error).toContain('from 0 to 100');
    expect(parseWeight('abc').error).toBe('A weight is a number from 0 to 100.');
    expect(parseWeight('').error).toBeDefined();
    expect(parseWeight(' 42.6 ')).toEqual({ weight: 43 });
    expect(parseWeight('100')).toEqual({ weight: 100 });
  });
});
