import type { GuideProjection } from '@quorum/deal-model';
import { describe, expect, it } from 'vitest';
import { createPdfCache } from './pdf-cache.ts';

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

describe('PDF rendering off the event loop', () => {
  it('lays out a large guide in a worker while the event loop keeps turning', async () => {
    const large: GuideProjection = {
      kind: 'objections',
      organization: 'Globex',
      objections: Array.from({ length: 300 }, (_, i) => ({
        id: `o${i}`,
        title: `Question ${i}`,
        response: 'A long enough answer that wraps over a few lines. '.repeat(8),
        evidence: 'Some evidence. '.repeat(10),
      })),
    };
    let turns = 0;
    let counting = true;
    const turn = () => {
      turns += 1;
      if (counting) setImmediate(turn);
    };
    setImmediate(turn);
    const pdf = await createPdfCache().pdfFor(large);
    counting = false;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Laid out on this thread, the layout runs before the loop turns even once (0 turns measured); in the
    // worker, the loop keeps serving everything else meanwhile.
    expect(turns).toBeGreaterThan(50);
  });
});
