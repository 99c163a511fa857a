import { describe, expect, it } from 'vitest';
import { addObjection } from '../objections/index.ts';
import { addStakeholder, readStakeholders } from '../stakeholders/index.ts';
import { newDeal } from '../testing/two-peers.ts';
import { computeStatus } from './compute-status.ts';
import { countBuyingGroup, groupSizeText, isMobilizerOnSide } from './group-counts.ts';

describe('buying group counts', () => {
  it('counts Mobilizers on the seller’s side once, the same in the deal status as on the map', () => {
    const doc = newDeal();
    addStakeholder(doc, { name: 'Go', profile: 'go-getter', stance: 2, commitment: 'committed' });
    addStakeholder(doc, { name: 'Teach', profile: 'teacher', stance: 1 });
    // Profiled as a Mobilizer, but opposed: mobilizes against the deal, so not counted.
    addStakeholder(doc, { name: 'Skep', profile: 'skeptic', stance: -1 });
    addStakeholder(doc, { name: 'Pal', profile: 'friend', stance: 2 });
    addStakeholder(doc, { name: 'No', profile: 'blocker', stance: -2 });
    const people = readStakeholders(doc);
    const counts = countBuyingGroup(people);
    expect(counts).toEqual({ people: 5, mobilizers: 2, talkers: 1, blockers: 1, committed: 1 });
    expect(people.filter(isMobilizerOnSide).map((p) => p.name)).toEqual(['Go', 'Teach']);
    expect(computeStatus(doc)).toMatchObject({
      stakeholders: counts.people,
      mobilizers: counts.mobilizers,
      talkers: counts.talkers,
      blockers: counts.blockers,
    });
  });

  it('says the group size beside the typical group, never "7 of 5.4"', () => {
    expect(groupSizeText(7)).toEqual({
      long: '7 stakeholders mapped · typical buying group 5.4',
      short: '7 mapped · typical 5.4',
    });
    expect(groupSizeText(1).long).toBe('1 stakeholder mapped · typical buying group 5.4');
  });
});

describe('untitled objections in risks', () => {
  it('names an untitled open objection in words, never as ""', () => {
    const doc = newDeal();
    addObjection(doc, { title: '' });
    addObjection(doc, { title: 'Too expensive' });
    const risk = computeStatus(doc).risks.find((r) => r.code === 'open-objections');
    expect(risk?.message).toContain('an untitled objection');
    expect(risk?.message).toContain('"Too expensive"');
    expect(risk?.message).not.toContain('""');
  });
});
