import type { Learning } from '@quorum/api-schema';
import { describe, expect, it } from 'vitest';
import { qualificationOf, winRateBars } from './method-view.ts';

describe('qualificationOf', () => {
  it('reads the decision and the BANT count of a full status', () => {
    expect(qualificationOf({ id: 'd', qualification: { bantConfirmed: 3, decision: 'no-go' } })).toEqual({
      bantConfirmed: 3,
      decision: 'no-go',
    });
    expect(qualificationOf({ id: 'd', qualification: { bantConfirmed: 0, decision: null } })?.decision).toBeNull();
  });

  it('has nothing for a status without qualification, and ignores values it does not know', () => {
    expect(qualificationOf({ id: 'd' })).toBeNull();
    expect(qualificationOf({ id: 'd', qualification: { decision: 'maybe' } })).toEqual({
      bantConfirmed: 0,
      decision: null,
    });
  });
});

describe('winRateBars', () => {
  it('puts the organization’s win rate beside the research curve, in whole percentages', () => {
    const learning = {
      winRateBySize: [
        { size: '1–2', min: 1, max: 2, deals: 2, won: 2, rate: 1, research: 0.76 },
        { size: '5–6', min: 5, max: 6, deals: 3, won: 1, rate: 1 / 3, research: 0.355 },
      ],
    } as Learning;
    expect(winRateBars(learning)).toEqual([
      { size: '1–2', deals: 2, ours: 100, research: 76 },
      { size: '5–6', deals: 3, ours: 33, research: 36 },
    ]);
  });
});
