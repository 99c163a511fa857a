import { describe, expect, it } from 'vitest';
import { createPdfCache } from './pdf-cache.ts';
import type { GuideProjection } from './projection.ts';

const guide = (summary: string): GuideProjection => ({
  kind: 'stakeholder',
  organization: 'Globex',
  stakeholder: { name: 'Dana', title: 'CFO' },
  summary,
  keyMessages: '',
  asks: '',
  objections: [],
});

describe('PDF cache', () => {
  it('renders each version of a guide once, and a changed guide again', async () => {
    const cache = createPdfCache({ maxEntries: 2 });
    const first = await cache.pdfFor(guide('v1'));
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await cache.pdfFor(guide('v1'))).toBe(first);
    const second = await cache.pdfFor(guide('v2'));
    expect(second).not.toBe(first);
    await cache.pdfFor(guide('v3'));
    expect(cache.size).toBe(2);
    expect(await cache.pdfFor(guide('v1'))).not.toBe(first);
  });
});
