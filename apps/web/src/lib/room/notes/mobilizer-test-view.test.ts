import { describe, expect, it } from 'vitest';
import { testView } from './mobilizer-test-view.ts';

describe('testView', () => {
  it('says there is nothing to go on before any answer, and offers no profile', () => {
    const view = testView(undefined, 'unknown');
    expect(view.headline).toBe('Not enough to go on yet');
    expect(view.choices).toEqual([]);
    expect(view.suggestion.reasoning.length).toBeGreaterThan(0);
  });

  it('offers the three Mobilizer profiles once all three tells agree, marking the one already on the map', () => {
    const view = testView(
      { insightReaction: 'engaged', perspective: 'group', task: { text: 'Book the IT board', delivered: 'yes' } },
      'teacher',
    );
    expect(view.headline).toBe('A Mobilizer, confirmed by the test');
    expect(view.choices.map((c) => [c.label, c.current])).toEqual([
      ['Go-Getter', false],
      ['Teacher', true],
      ['Skeptic', false],
    ]);
  });

  it('reads someone not engaged by the insight as a Blocker, Friend or Guide, with the reasoning', () => {
    const view = testView(
      { insightReaction: 'not-engaged', perspective: null, task: { text: '', delivered: null } },
      'go-getter',
    );
    expect(view.headline).toBe('Probably a Blocker, a Friend or a Guide');
    expect(view.suggestion.reasoning[0]).toMatch(/did not engage/i);
    expect(view.choices.every((c) => !c.current)).toBe(true);
  });
});
