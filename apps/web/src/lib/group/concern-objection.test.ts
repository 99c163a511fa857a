import { describe, expect, it } from 'vitest';
import { objectionTitleFromConcern } from './concern-objection.ts';

describe('objectionTitleFromConcern', () => {
  it('keeps a short concern as it is, whitespace collapsed', () => {
    expect(objectionTitleFromConcern('  The last refresh gave us\nheavy machines.  ')).toBe(
      'The last refresh gave us heavy machines.',
    );
  });

  it('takes the first sentence of a long concern', () => {
    const concern = `A lease moves the spend into operating expenses. ${'I need the four-year cash flow side by side. '.repeat(4)}`;
    expect(objectionTitleFromConcern(concern)).toBe('A lease moves the spend into operating expenses.');
  });

  it('cuts a long first sentence at a word, with an ellipsis, within the limit', () => {
    const title = objectionTitleFromConcern('word '.repeat(60), 40);
    expect(title.length).toBeLessThanOrEqual(40);
    expect(title).toMatch(/^word( word)*…$/);
  });
});
