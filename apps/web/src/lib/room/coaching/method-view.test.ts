import {
  addNode,
  addObjection,
  modelDiff,
  readNegotiables,
  readObjections,
  readStakeholders,
  readVoices,
  removeNegotiable,
  seedSampleDeal,
} from '@quorum/deal-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { coachingStageText, diffMarks, type LinkSources, linkChoices, linkLabel } from './method-view.ts';

function sample() {
  const doc = new Y.Doc();
  const ids = seedSampleDeal(doc);
  const sources = (): LinkSources => ({
    objections: readObjections(doc),
    voices: readVoices(doc),
    negotiables: readNegotiables(doc),
    stakeholders: readStakeholders(doc),
  });
  return { doc, ids, sources };
}

describe('linkChoices', () => {
  it('offers objections, voices, negotiable points and stakeholders in that order, with readable labels', () => {
    const { doc, sources } = sample();
    addObjection(doc, { title: 'Too expensive' });
    const choices = linkChoices(sources());
    const kinds = choices.map((c) => c.kind);
    expect(kinds.indexOf('voice')).toBeGreaterThan(kinds.lastIndexOf('objection'));
    expect(kinds.indexOf('negotiable')).toBeGreaterThan(kinds.lastIndexOf('voice'));
    expect(kinds.indexOf('stakeholder')).toBeGreaterThan(kinds.lastIndexOf('negotiable'));
    expect(choices.map((c) => c.label)).toContain('Objection: Too expensive');
    expect(choices.map((c) => c.label)).toContain('Voice: Anna Kowalski’s own answer');
  });

  it('narrows to the kinds asked for and leaves out links already chosen', () => {
    const { ids, sources } = sample();
    const concerns = linkChoices(sources(), { kinds: ['objection', 'voice'], exclude: [`voice:${ids.cfo}`] });
    expect(new Set(concerns.map((c) => c.kind))).toEqual(new Set(['objection', 'voice']));
    expect(concerns.some((c) => c.link === `voice:${ids.cfo}`)).toBe(false);
  });
});

describe('linkLabel', () => {
  it('names the record, and says “removed” for one a peer removed', () => {
    const { doc, ids, sources } = sample();
    expect(linkLabel(sources(), `stakeholder:${ids.mobilizer}`)).toBe('Stakeholder: Mara Jensen');
    removeNegotiable(doc, ids.lease);
    expect(linkLabel(sources(), `negotiable:${ids.lease}`)).toBe('Negotiable: removed');
    expect(linkLabel(sources(), 'nonsense')).toBe('A removed record');
  });
});

describe('diffMarks', () => {
  it('marks B’s added and raised beliefs, its new arrows, and what B leaves behind', () => {
    const { doc, ids } = sample();
    const marks = diffMarks(modelDiff(doc));
    expect(marks.agreed.get(ids.lostTimeBelief)).toEqual({ change: 'added' });
    expect(marks.agreed.get(ids.productivityBelief)).toEqual({ change: 'raised', from: 2 });
    expect(marks.linked.size).toBeGreaterThan(0);
    expect(marks.moves).toBe(2 + marks.linked.size);

    const onlyInA = addNode(doc, 'current', { text: 'Laptops are a commodity' });
    expect(diffMarks(modelDiff(doc)).dropped.has(onlyInA)).toBe(true);
  });
});

describe('coachingStageText', () => {
  it('says nothing before coaching starts, then the stage number and name, then done', () => {
    expect(coachingStageText(null)).toBeNull();
    expect(coachingStageText('true-problem')).toEqual({
      short: 'Coaching 2/5',
      long: 'Commercial coaching, stage 2 of 5: The true problem and the cost of inaction',
    });
    expect(coachingStageText('done')?.short).toBe('Coaching done');
  });
});
