import { describe, expect, it } from 'vitest';
import type { Criterion } from '../criteria/index.ts';
import { computeConsensus, weightSpread } from './consensus.ts';
import { AVERAGE_GROUP_SIZE, purchaseIntent } from './intent-curve.ts';

describe('purchaseIntent (CEB curve, seed 003)', () => {
  it('passes through the published points', () => {
    expect(purchaseIntent(1)).toBe(81);
    expect(purchaseIntent(2)).toBe(55);
    expect(purchaseIntent(6)).toBeCloseTo(31, 10);
  });

  it('interpolates linearly between them and holds 81 % below one person', () => {
    expect(purchaseIntent(4)).toBe(43);
    expect(purchaseIntent(AVERAGE_GROUP_SIZE)).toBeCloseTo(34.6, 10);
    expect(purchaseIntent(0)).toBe(81);
    expect(purchaseIntent(1.5)).toBe(68);
  });

  it('beyond six keeps the last segment’s per-person decline, always falling and positive', () => {
    const perPerson = (31 / 55) ** (1 / 4);
    expect(purchaseIntent(7)).toBeCloseTo(31 * perPerson, 10);
    let previous = purchaseIntent(1);
    for (let n = 2; n <= 50; n++) {
      const intent = purchaseIntent(n);
      expect(intent).toBeLessThan(previous);
      expect(intent).toBeGreaterThan(0);
      previous = intent;
    }
  });
});

const criterion = (id: string, weights: number[]): Criterion => ({
  id,
  name: id,
  description: '',
  weight: 50,
  kind: 'formal',
  mandatory: false,
  owner: null,
  scores: {},
  weightsByStakeholder: Object.fromEntries(weights.map((w, i) => [`s${i}`, w])),
  order: 0,
});

describe('consensus', () => {
  it('measures a criterion’s spread: 0 disagreement for one weight or equal weights, 1 for 0 vs 100', () => {
    expect(weightSpread([]).disagreement).toBe(0);
    expect(weightSpread([70]).disagreement).toBe(0);
    expect(weightSpread([40, 40, 40]).disagreement).toBe(0);
    expect(weightSpread([0, 100])).toMatchObject({ min: 0, max: 100, mean: 50, stdDev: 50, disagreement: 1 });
    expect(weightSpread([20, 80]).disagreement).toBeCloseTo(0.6, 10);
  });

  it('is 1 when there is nothing to compare', () => {
    expect(computeConsensus([])).toMatchObject({ value: 1, compared: 0 });
    expect(computeConsensus([criterion('a', [50]), criterion('b', [])])).toMatchObject({ value: 1, compared: 0 });
  });

  it('averages the disagreement of compared criteria and lists the most disputed first', () => {
    const result = computeConsensus([criterion('calm', [50, 50]), criterion('hot', [0, 100]), criterion('solo', [10])]);
    expect(result.value).toBeCloseTo(0.5, 10);
    expect(result.compared).toBe(2);
    expect(result.disputed.map((d) => d.criterionId)).toEqual(['hot', 'calm']);
  });
});
