import { describe, expect, it } from 'vitest';
import { addNegotiable, removeNegotiable } from '../negotiables/index.ts';
import { addObjection, removeObjection } from '../objections/index.ts';
import { addStakeholder, removeStakeholder, updateStakeholder } from '../stakeholders/index.ts';
import { newDeal } from '../testing/two-peers.ts';
import { COACHING_CHECKLIST, COACHING_STAGE_IDS, COACHING_TAILORED_ITEMS } from '../vocabulary/index.ts';
import {
  addCoachingEvidence,
  addCoachingItem,
  coachingNote,
  coachingStageReached,
  initCoaching,
  readCoaching,
  removeCoachingEvidence,
  removeCoachingItem,
  reorderCoachingItem,
  setCoachingNote,
  tickCoachingItem,
  updateCoachingItem,
} from './coaching.ts';

const tickStage = (doc: ReturnType<typeof newDeal>, index: number): void => {
  const stage = readCoaching(doc).stages[index]!;
  for (const item of stage.checklist) tickCoachingItem(doc, stage.id, item.id);
};

describe('commercial coaching', () => {
  it('starts the five stages in seed 003’s order with the checklist tailored to a Go-Getter', () => {
    const doc = newDeal();
    const mara = addStakeholder(doc, { name: 'Mara', profile: 'go-getter' });
    expect(coachingStageReached(doc)).toBeNull();
    initCoaching(doc, mara);
    const coaching = readCoaching(doc);
    expect(coaching.mobilizerId).toBe(mara);
    expect(coaching.stages.map((s) => s.id)).toEqual([...COACHING_STAGE_IDS]);
    for (const stage of coaching.stages) {
      expect(stage.checklist.map((i) => i.text)).toEqual([
        ...COACHING_CHECKLIST[stage.id],
        COACHING_TAILORED_ITEMS['go-getter'][stage.id],
      ]);
      expect(stage.done).toBe(false);
    }
    expect(coaching.stages[0]!.checklist.at(-1)!.text).toMatch(/implementation details/);
    expect(coaching.reached).toBe('plan-consensus');
  });

  it('tailors to a Teacher’s vision and a Skeptic’s questions; general items for anyone else', () => {
    const teacherDeal = newDeal();
    initCoaching(teacherDeal, addStakeholder(teacherDeal, { name: 'Henrik', profile: 'teacher' }));
    expect(readCoaching(teacherDeal).stages[0]!.checklist.at(-1)!.text).toMatch(/sweeping vision/);
    const skepticDeal = newDeal();
    initCoaching(skepticDeal, addStakeholder(skepticDeal, { name: 'Anna', profile: 'skeptic' }));
    expect(readCoaching(skepticDeal).stages[0]!.checklist.at(-1)!.text).toMatch(/questions and exploration/);
    const unknownDeal = newDeal();
    initCoaching(unknownDeal, addStakeholder(unknownDeal, { name: 'Sam' }));
    expect(readCoaching(unknownDeal).stages[0]!.checklist.map((i) => i.text)).toEqual([
      ...COACHING_CHECKLIST['plan-consensus'],
    ]);
  });

  it('calling it again changes the Mobilizer and keeps the work done', () => {
    const doc = newDeal();
    const mara = addStakeholder(doc, { name: 'Mara', profile: 'go-getter' });
    const anna = addStakeholder(doc, { name: 'Anna', profile: 'skeptic' });
    initCoaching(doc, mara);
    tickStage(doc, 0);
    initCoaching(doc, anna);
    const coaching = readCoaching(doc);
    expect(coaching.mobilizerId).toBe(anna);
    expect(coaching.stages[0]!.done).toBe(true);
    expect(coaching.stages[1]!.checklist.at(-1)!.text).toBe(COACHING_TAILORED_ITEMS['go-getter']['true-problem']);
    expect(() => initCoaching(doc, 'ghost')).toThrow(/unknown stakeholder/);
  });

  it('the stage reached is the first not complete; done when all are; an emptied stage is not complete', () => {
    const doc = newDeal();
    initCoaching(doc, addStakeholder(doc, { name: 'Mara', profile: 'go-getter' }));
    tickStage(doc, 0);
    expect(coachingStageReached(doc)).toBe('true-problem');
    tickStage(doc, 2);
    expect(coachingStageReached(doc)).toBe('true-problem');
    for (const index of [1, 3, 4]) tickStage(doc, index);
    expect(coachingStageReached(doc)).toBe('done');
    const stage = readCoaching(doc).stages[3]!;
    for (const item of stage.checklist) removeCoachingItem(doc, stage.id, item.id);
    expect(coachingStageReached(doc)).toBe('negotiables-blockers');
    expect(readCoaching(doc).reached).toBe('negotiables-blockers');
  });

  it('edits checklist items and the note; refuses unknown stages and items', () => {
    const doc = newDeal();
    initCoaching(doc, addStakeholder(doc, { name: 'Mara' }), { suggested: false });
    expect(readCoaching(doc).stages.every((s) => s.checklist.length === 0)).toBe(true);
    const a = addCoachingItem(doc, 'commitment', { text: 'Budget released' });
    const b = addCoachingItem(doc, 'commitment', { text: 'Team named' });
    reorderCoachingItem(doc, 'commitment', b, 0);
    updateCoachingItem(doc, 'commitment', a, { text: 'Budget released by the CFO', done: true });
    setCoachingNote(doc, 'commitment', 'CFO signs on Friday');
    const stage = readCoaching(doc).stages[4]!;
    expect(stage.checklist.map((i) => [i.text, i.done])).toEqual([
      ['Team named', false],
      ['Budget released by the CFO', true],
    ]);
    expect(stage.note).toBe('CFO signs on Friday');
    expect(coachingNote(doc, 'commitment').toString()).toBe('CFO signs on Friday');
    expect(() => addCoachingItem(doc, 'closing' as never, { text: 'x' })).toThrow(/unknown coaching stage/);
    expect(() => tickCoachingItem(doc, 'commitment', 'nope')).toThrow(/unknown coaching item/);
  });

  it('links evidence to existing records once, and removals take their links away', () => {
    const doc = newDeal();
    const mara = addStakeholder(doc, { name: 'Mara' });
    const cfo = addStakeholder(doc, { name: 'CFO' });
    const objection = addObjection(doc, { title: 'Opex', raisedBy: cfo });
    const negotiable = addNegotiable(doc, { text: 'Lease term', answers: `objection:${objection}` });
    initCoaching(doc, mara);
    addCoachingEvidence(doc, 'concerns-surfaced', `objection:${objection}`);
    addCoachingEvidence(doc, 'concerns-surfaced', `voice:${cfo}`);
    addCoachingEvidence(doc, 'concerns-surfaced', `objection:${objection}`);
    addCoachingEvidence(doc, 'negotiables-blockers', `negotiable:${negotiable}`);
    addCoachingEvidence(doc, 'plan-consensus', `stakeholder:${cfo}`);
    expect(readCoaching(doc).stages[2]!.evidence).toEqual([`objection:${objection}`, `voice:${cfo}`]);
    expect(() => addCoachingEvidence(doc, 'true-problem', 'objection:ghost')).toThrow(RangeError);
    expect(() => addCoachingEvidence(doc, 'true-problem', 'criterion:x' as never)).toThrow(RangeError);

    removeCoachingEvidence(doc, 'concerns-surfaced', `voice:${cfo}`);
    expect(readCoaching(doc).stages[2]!.evidence).toEqual([`objection:${objection}`]);
    removeObjection(doc, objection);
    removeNegotiable(doc, negotiable);
    addCoachingEvidence(doc, 'concerns-surfaced', `voice:${cfo}`);
    removeStakeholder(doc, cfo);
    removeStakeholder(doc, mara);
    const coaching = readCoaching(doc);
    expect(coaching.mobilizerId).toBeNull();
    expect(coaching.stages.flatMap((s) => s.evidence)).toEqual([]);
    expect(coaching.stages[0]!.checklist.length).toBeGreaterThan(0);
  });

  it('a profile change after the start does not rewrite the checklist', () => {
    const doc = newDeal();
    const mara = addStakeholder(doc, { name: 'Mara', profile: 'teacher' });
    initCoaching(doc, mara);
    updateStakeholder(doc, mara, { profile: 'skeptic' });
    expect(readCoaching(doc).stages[0]!.checklist.at(-1)!.text).toMatch(/sweeping vision/);
  });
});
