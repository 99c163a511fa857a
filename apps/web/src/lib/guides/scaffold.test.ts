import { describe, expect, it } from 'vitest';
import { guideScaffold, isBlankGuide } from './scaffold.ts';

describe('guide scaffold', () => {
  it('gives a Go-Getter the big picture first, then the implementation details', () => {
    const draft = guideScaffold({ name: 'Dana Reyes', role: 'influencer', profile: 'go-getter' });
    expect(draft.summary.startsWith('The big picture, Dana')).toBe(true);
    expect(draft.summary.indexOf('big picture')).toBeLessThan(draft.summary.indexOf('How we would get there'));
    expect(draft.keyMessages).toContain('How it works in practice');
  });

  it('gives a Teacher a sweeping vision and a Skeptic evidence, questions and a small first win', () => {
    expect(guideScaffold({ name: 'Ana', role: null, profile: 'teacher' }).summary).toContain('the vision');
    const skeptic = guideScaffold({ name: 'Raj', role: null, profile: 'skeptic' });
    expect(skeptic.keyMessages).toContain('What the evidence says');
    expect(skeptic.keyMessages).toContain('The first small win');
    expect(skeptic.asks).toContain('question');
  });

  it('speaks to the role: the decider about outcome and budget, the user about daily work', () => {
    const decider = guideScaffold({ name: 'Lee', role: 'decider', profile: 'unknown' });
    expect(decider.keyMessages).toMatch(/outcome/);
    expect(decider.keyMessages).toMatch(/budget/);
    expect(decider.asks).toMatch(/^Decide by/);
    const user = guideScaffold({ name: 'Kim', role: 'user', profile: 'friend' });
    expect(user.keyMessages).toContain('daily work');
  });

  it('writes key messages as a bulleted list and stays in the buyer company’s voice', () => {
    const draft = guideScaffold({ name: 'Dana', role: 'approver', profile: 'blocker', organization: 'Globex' });
    for (const line of draft.keyMessages.split('\n')) expect(line.startsWith('- ')).toBe(true);
    expect(draft.summary).toContain('Globex');
    expect(draft.keyMessages).toContain('What stays the same');
  });

  it('tells a blank guide from one that has words in it', () => {
    expect(isBlankGuide({ summary: ' ', keyMessages: '', asks: '\n' })).toBe(true);
    expect(isBlankGuide({ summary: '', keyMessages: '- one', asks: '' })).toBe(false);
  });
});
