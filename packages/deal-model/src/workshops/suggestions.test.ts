import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCriterion, setStakeholderWeight } from '../criteria/index.ts';
import { updateGuide } from '../guides/index.ts';
import { addObjection, removeObjection } from '../objections/index.ts';
import { seedSampleDeal } from '../sample-deal/index.ts';
import { readSellerDoc } from '../seller-doc/index.ts';
import { addStakeholder, readStakeholders, type StakeholderInput } from '../stakeholders/index.ts';
import { newDeal } from '../testing/two-peers.ts';
import { submitVoice } from '../voices/index.ts';
import { suggestAgenda } from './suggest-agenda.ts';
import { suggestCommitment } from './suggest-commitment.ts';
import { addAgendaItem, addWorkshop, createWorkshop, readWorkshop, tickAgendaItem } from './workshops.ts';

const AT = '2025-03-17T10:00:00.000Z';

function evidence() {
  const doc = newDeal();
  const person = (input: StakeholderInput): string => addStakeholder(doc, input);
  const mara = person({ name: 'Mara', profile: 'go-getter', stance: 2, influence: 4, commitment: 'urgency' });
  const anna = person({ name: 'Anna', profile: 'skeptic', influence: 5 });
  const henrik = person({ name: 'Henrik', profile: 'teacher', influence: 5, commitment: 'disconnect-conveyed' });
  const jonas = person({ name: 'Jonas', profile: 'blocker', influence: 4, commitment: 'committed' });
  const sam = person({ name: 'Sam', profile: 'friend', influence: 2, commitment: 'workshop-support' });
  const [cost, productivity, security] = ['Cost', 'Productivity', 'Security'].map((name) =>
    addCriterion(doc, { name }),
  ) as [string, string, string];
  setStakeholderWeight(doc, security, mara, 30);
  setStakeholderWeight(doc, security, jonas, 40);
  submitVoice(doc, anna, { weights: { [cost]: 60, [productivity]: 10 }, submittedAt: AT });
  submitVoice(doc, henrik, { weights: { [cost]: 10, [productivity]: 55 }, concerns: 'Lost time', submittedAt: AT });
  submitVoice(doc, jonas, { weights: {}, concerns: 'Audit findings on devices outside the image', submittedAt: AT });
  submitVoice(doc, sam, { weights: {}, missing: 'Repair turnaround', submittedAt: AT });
  const statusQuo = addObjection(doc, {
    title: 'The laptops still work',
    category: 'status-quo',
    status: 'addressed',
    response: 'Field staff lose 25 minutes a day.',
  });
  const opex = addObjection(doc, { title: 'Opex', raisedBy: anna });
  const image = addObjection(doc, { title: 'Image exceptions', raisedBy: jonas });
  addObjection(doc, { title: 'Keyboard', raisedBy: sam });
  addObjection(doc, { title: 'Settled', raisedBy: anna, status: 'resolved' });
  return { doc, mara, anna, henrik, jonas, sam, cost, productivity, security, statusQuo, opex, image };
}

describe('suggestAgenda', () => {
  it('opens with the problem, explores disconnects, heavy objections, Blockers’ concerns and missing criteria, converges on weights', () => {
    const e = evidence();
    expect(suggestAgenda(e.doc)).toEqual([
      {
        phase: 'prompt',
        source: `objection:${e.statusQuo}`,
        text: 'Open with the cost of doing nothing: Field staff lose 25 minutes a day.',
      },
      {
        phase: 'explore',
        source: `criterion:${e.cost}`,
        text: 'Weights for "Cost" range from 10 (Henrik) to 60 (Anna): hear why',
      },
      {
        phase: 'explore',
        source: `criterion:${e.productivity}`,
        text: 'Weights for "Productivity" range from 10 (Anna) to 55 (Henrik): hear why',
      },
      { phase: 'explore', source: `objection:${e.opex}`, text: `Anna's objection: "Opex": explore it together` },
      {
        phase: 'explore',
        source: `objection:${e.image}`,
        text: `Jonas's objection: "Image exceptions": explore it together`,
      },
      {
        phase: 'explore',
        source: `voice:${e.jonas}`,
        text: `Jonas's concern, in their own words: "Audit findings on devices outside the image"`,
      },
      {
        phase: 'explore',
        source: `voice:${e.sam}`,
        text: 'Sam misses a criterion: "Repair turnaround": should the group add it?',
      },
      { phase: 'converge', source: `criterion:${e.cost}`, text: 'Agree the weight of "Cost"' },
      { phase: 'converge', source: `criterion:${e.productivity}`, text: 'Agree the weight of "Productivity"' },
      { phase: 'converge', source: 'custom', text: 'Agree the next step and who commits to it' },
    ]);
  });

  it('opens with a guide’s key message, else the deal’s title, when no status-quo objection has a response', () => {
    const e = evidence();
    removeObjection(e.doc, e.statusQuo);
    expect(suggestAgenda(e.doc)[0]).toEqual({
      phase: 'prompt',
      source: 'custom',
      text: 'Open with the problem the group shares: why "Laptop refresh" now, and what doing nothing costs',
    });
    updateGuide(e.doc, e.anna, { keyMessages: '\nDoing nothing costs 25 minutes a day.\nSecond' });
    expect(suggestAgenda(e.doc)[0]!.text).toBe(
      'Open with the problem the group shares: Doing nothing costs 25 minutes a day.',
    );
  });

  it('an empty room still gets an opening and a closing item', () => {
    expect(suggestAgenda(newDeal()).map((i) => i.phase)).toEqual(['prompt', 'converge']);
  });

  it('never carries the seller’s private document into the shared agenda', () => {
    const shared = new Y.Doc();
    const seller = new Y.Doc();
    seedSampleDeal(shared, seller);
    const snapshot = readSellerDoc(seller);
    const secrets = [
      snapshot.notes,
      ...Object.values(snapshot.stakeholderNotes),
      ...Object.values(snapshot.insight),
      ...Object.values(snapshot.blockerPlans).map((p) => p.specialConcern),
    ].filter(Boolean);
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const written = JSON.stringify([suggestAgenda(shared), readWorkshop(shared, readWorkshopIds(shared)[0]!)]);
    for (const secret of secrets) expect(written).not.toContain(secret.slice(0, 30));
  });
});

const readWorkshopIds = (doc: Y.Doc): string[] => [...doc.getMap('workshops').keys()];

describe('createWorkshop', () => {
  it('writes the suggested agenda in one transaction, or an empty one', () => {
    const e = evidence();
    let transactions = 0;
    e.doc.on('afterTransaction', () => transactions++);
    const id = createWorkshop(e.doc, { title: 'Criteria workshop', date: AT, attendees: [e.anna], suggested: true });
    expect(transactions).toBe(1);
    const workshop = readWorkshop(e.doc, id)!;
    expect(workshop).toMatchObject({ title: 'Criteria workshop', date: AT, attendees: [e.anna] });
    expect(workshop.agenda.map(({ text, phase, source }) => ({ text, phase, source }))).toEqual(suggestAgenda(e.doc));
    expect(workshop.agenda.every((i) => !i.done)).toBe(true);
    expect(readWorkshop(e.doc, createWorkshop(e.doc, { title: 'Blank' }))!.agenda).toEqual([]);
  });
});

describe('suggestCommitment', () => {
  it('suggests one step along the commitment map on evidence, and writes nothing', () => {
    const e = evidence();
    const id = addWorkshop(e.doc, { title: 'Criteria workshop', attendees: [e.anna, e.mara, e.sam] });
    const items = suggestAgenda(e.doc).map((item) => addAgendaItem(e.doc, id, item));
    const before = Y.encodeStateVector(e.doc);
    const first = suggestCommitment(e.doc);
    expect(first).toEqual([
      {
        stakeholderId: e.mara,
        from: 'urgency',
        to: 'workshop-support',
        reason: expect.stringContaining('Criteria workshop'),
      },
      {
        stakeholderId: e.henrik,
        from: 'disconnect-conveyed',
        to: 'urgency',
        reason: expect.stringContaining('a concern'),
      },
    ]);
    expect(Y.encodeStateVector(e.doc)).toEqual(before);
    expect(readStakeholders(e.doc).find((s) => s.id === e.anna)!.commitment).toBe('unaware');

    const costItem = items[1]!;
    tickAgendaItem(e.doc, id, costItem);
    const conveyed = suggestCommitment(e.doc).find((s) => s.stakeholderId === e.anna)!;
    expect(conveyed).toMatchObject({ from: 'unaware', to: 'disconnect-conveyed' });
    expect(conveyed.reason).toContain('the disconnect on "Cost"');
    expect(suggestCommitment(e.doc).find((s) => s.stakeholderId === e.sam)).toBeUndefined();

    for (const itemId of items) tickAgendaItem(e.doc, id, itemId);
    const after = suggestCommitment(e.doc);
    expect(after.find((s) => s.stakeholderId === e.sam)).toMatchObject({ from: 'workshop-support', to: 'committed' });
    expect(after.find((s) => s.stakeholderId === e.mara)).toBeUndefined();
    expect(after.find((s) => s.stakeholderId === e.jonas)).toBeUndefined();
  });
});
