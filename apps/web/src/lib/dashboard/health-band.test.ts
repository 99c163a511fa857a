import { healthBand as modelBand } from '@quorum/deal-model';
import { describe, expect, it } from 'vitest';
import { HEALTH_BANDS, healthBand } from './health-band.ts';

describe('the one health vocabulary', () => {
  it('bands every score exactly as the deal model does, in three words', () => {
    const words = { green: 'Healthy', amber: 'At risk', red: 'Critical' } as const;
    for (let score = 0; score <= 100; score += 0.5)
      expect(healthBand(score).label, String(score)).toBe(words[modelBand(score)]);
    expect(HEALTH_BANDS.map((band) => band.label)).toEqual(['Critical', 'At risk', 'Healthy']);
  });

  it('says Not scored when there is no score', () => {
    for (const missing of [null, undefined, Number.NaN]) expect(healthBand(missing).label).toBe('Not scored');
  });
});
