import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  mobilizerTestNote,
  profileConfirmed,
  readMobilizerTest,
  readMobilizerTests,
  removeMobilizerTest,
  updateMobilizerTest,
} from './mobilizer-tests.ts';
import { type MobilizerTestAnswers, suggestProfileClass } from './suggest-profile.ts';

const answers = (
  insightReaction: MobilizerTestAnswers['insightReaction'],
  perspective: MobilizerTestAnswers['perspective'],
  delivered: MobilizerTestAnswers['task']['delivered'] = null,
  text = '',
): MobilizerTestAnswers => ({ insightReaction, perspective, task: { text, delivered } });

describe('suggestProfileClass (seed 003’s three tells)', () => {
  it('not engaged by the insight: probably a Blocker, a Friend or a Guide', () => {
    const s = suggestProfileClass(answers('not-engaged', 'group', 'yes'));
    expect(s).toMatchObject({ class: 'blocker-or-talker', profiles: ['blocker', 'friend', 'guide'] });
    expect(s.confidence).toBe('tentative');
    expect(s.reasoning[0]).toMatch(/probably a Blocker, a Friend or a Guide/);
  });

  it('talks from their own perspective: likely a Climber', () => {
    const s = suggestProfileClass(answers('engaged', 'own'));
    expect(s).toMatchObject({ class: 'talker', profiles: ['climber'], confidence: 'tentative' });
    expect(s.reasoning.join(' ')).toMatch(/Climber/);
  });

  it('speaks for the group: likely a Mobilizer, but tentative until a task is delivered', () => {
    const s = suggestProfileClass(answers('engaged', 'group', null, 'Bring the CFO to the workshop'));
    expect(s).toMatchObject({ class: 'mobilizer', profiles: ['go-getter', 'teacher', 'skeptic'] });
    expect(s.confidence).toBe('tentative');
    expect(s.reasoning.at(-1)).toMatch(/check whether they deliver/);
  });

  it('only a delivered task confirms a Mobilizer', () => {
    expect(suggestProfileClass(answers('engaged', 'group', 'yes')).confidence).toBe('confirmed');
    expect(suggestProfileClass(answers(null, 'group', 'yes')).confidence).toBe('tentative');
    expect(suggestProfileClass(answers('engaged', null, 'yes'))).toMatchObject({
      class: 'mobilizer',
      confidence: 'tentative',
    });
  });

  it('a task not delivered leaves a Talker, whatever they said', () => {
    expect(suggestProfileClass(answers('engaged', 'group', 'no'))).toMatchObject({
      class: 'talker',
      profiles: ['guide', 'friend'],
      confidence: 'tentative',
    });
  });

  it('nothing observed: unknown, with the first step to take', () => {
    const s = suggestProfileClass(answers(null, null));
    expect(s).toMatchObject({ class: 'unknown', profiles: [], confidence: 'tentative' });
    expect(s.reasoning).toEqual(['Next: lead with a thought-provoking insight and gauge their reaction.']);
  });
});

describe('Mobilizer tests in the seller document', () => {
  it('writes the tells, merges the task and stamps the time', () => {
    const doc = new Y.Doc();
    updateMobilizerTest(doc, 'mara', { insightReaction: 'engaged' }, { at: '2025-03-01T10:00:00.000Z' });
    updateMobilizerTest(doc, 'mara', { task: { text: 'Bring the CFO', dueAt: '2025-03-08T00:00:00.000Z' } });
    updateMobilizerTest(
      doc,
      'mara',
      { perspective: 'group', task: { delivered: 'yes' }, note: 'Booked the CFO in a day' },
      { at: '2025-03-05T10:00:00.000Z' },
    );
    expect(readMobilizerTest(doc, 'mara')).toEqual({
      stakeholderId: 'mara',
      insightReaction: 'engaged',
      perspective: 'group',
      task: { text: 'Bring the CFO', delivered: 'yes', dueAt: '2025-03-08T00:00:00.000Z' },
      note: 'Booked the CFO in a day',
      updatedAt: '2025-03-05T10:00:00.000Z',
    });
    expect(mobilizerTestNote(doc, 'mara').toString()).toBe('Booked the CFO in a day');
    expect(Object.keys(readMobilizerTests(doc))).toEqual(['mara']);
  });

  it('refuses invalid values with a RangeError naming the field', () => {
    const doc = new Y.Doc();
    expect(() => updateMobilizerTest(doc, 's', { insightReaction: 'bored' as never })).toThrow(/insightReaction/);
    expect(() => updateMobilizerTest(doc, 's', { perspective: 'team' as never })).toThrow(RangeError);
    expect(() => updateMobilizerTest(doc, 's', { task: { delivered: 'maybe' as never } })).toThrow(/task.delivered/);
    expect(() => updateMobilizerTest(doc, 's', { task: { dueAt: 'soon' } })).toThrow(/task.dueAt/);
    expect(readMobilizerTest(doc, 's')).toBeUndefined();
  });

  it('profileConfirmed: only a test that confirms, and only for a profile it leaves open', () => {
    const doc = new Y.Doc();
    expect(profileConfirmed(doc, 'mara')).toBe(false);
    updateMobilizerTest(doc, 'mara', { insightReaction: 'engaged', perspective: 'group' });
    expect(profileConfirmed(doc, 'mara')).toBe(false);
    updateMobilizerTest(doc, 'mara', { task: { text: 'x', delivered: 'yes' } });
    expect(profileConfirmed(doc, 'mara')).toBe(true);
    expect(profileConfirmed(doc, 'mara', 'go-getter')).toBe(true);
    expect(profileConfirmed(doc, 'mara', 'climber')).toBe(false);
    removeMobilizerTest(doc, 'mara');
    expect(profileConfirmed(doc, 'mara')).toBe(false);
  });
});
