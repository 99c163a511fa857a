import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCriterion, readCriteria, removeCriterion } from '../criteria/index.ts';
import { addObjection, removeObjection } from '../objections/index.ts';
import { repairReferences, sharedMaps } from '../shared-doc/index.ts';
import { addStakeholder, removeStakeholder } from '../stakeholders/index.ts';
import { exchangeUpdates, newDeal, twoPeers } from '../testing/two-peers.ts';
import {
  addAgendaItem,
  addWorkshop,
  agreeWeight,
  readWorkshop,
  readWorkshops,
  removeAgendaItem,
  removeWorkshop,
  reorderAgendaItem,
  setWorkshopAttendees,
  tickAgendaItem,
  updateAgendaItem,
  updateWorkshop,
  workshopOutcome,
} from './workshops.ts';

const DATE = '2025-04-14T09:00:00.000Z';

describe('workshops', () => {
  it('adds a workshop with a Y.Array of attendees, a Y.Map agenda and a Y.Text outcome', () => {
    const doc = newDeal();
    const anna = addStakeholder(doc, { name: 'Anna' });
    const id = addWorkshop(doc, { title: 'Criteria workshop', date: DATE, attendees: [anna, anna] });
    const record = sharedMaps(doc).workshops.get(id)!;
    expect(record.get('attendees')).toBeInstanceOf(Y.Array);
    expect(record.get('agenda')).toBeInstanceOf(Y.Map);
    expect(record.get('outcome')).toBeInstanceOf(Y.Text);
    expect(readWorkshops(doc)).toEqual([
      { id, title: 'Criteria workshop', date: DATE, attendees: [anna], agenda: [], outcome: '', order: 1 },
    ]);
  });

  it('updates, sets attendees, writes the outcome and removes', () => {
    const doc = newDeal();
    const [anna, henrik] = ['Anna', 'Henrik'].map((name) => addStakeholder(doc, { name })) as [string, string];
    const id = addWorkshop(doc, { title: 'Draft' });
    updateWorkshop(doc, id, { title: 'Criteria workshop', date: DATE, outcome: 'Cost weighs 35.' });
    setWorkshopAttendees(doc, id, [henrik, anna, henrik]);
    workshopOutcome(doc, id).insert(0, 'Agreed: ');
    expect(readWorkshop(doc, id)).toMatchObject({
      title: 'Criteria workshop',
      date: DATE,
      attendees: [henrik, anna],
      outcome: 'Agreed: Cost weighs 35.',
    });
    updateWorkshop(doc, id, { date: null });
    expect(readWorkshop(doc, id)!.date).toBeNull();
    removeWorkshop(doc, id);
    expect(readWorkshops(doc)).toEqual([]);
  });

  it('refuses invalid values with a RangeError', () => {
    const doc = newDeal();
    const id = addWorkshop(doc, { title: 'W' });
    expect(() => addWorkshop(doc, { title: 'W', date: 'soon' })).toThrow(/date/);
    expect(() => addWorkshop(doc, { title: 'W', attendees: ['ghost'] })).toThrow(
      /attendees: unknown stakeholder ghost/,
    );
    expect(() => setWorkshopAttendees(doc, id, ['ghost'])).toThrow(RangeError);
    expect(() => updateWorkshop(doc, 'nope', { title: 'x' })).toThrow(/unknown workshop/);
    expect(() => addAgendaItem(doc, id, { text: 'x', phase: 'debate' as never })).toThrow(/phase/);
    expect(() => addAgendaItem(doc, id, { text: 'x', source: 'criterion:ghost' })).toThrow(/unknown criterion:ghost/);
    expect(() => addAgendaItem(doc, id, { text: 'x', source: 'note:1' as never })).toThrow(/source/);
    expect(() => addAgendaItem(doc, 'nope', { text: 'x' })).toThrow(/unknown workshop/);
    expect(() => agreeWeight(doc, 'nope', 30)).toThrow(/unknown criterion/);
    expect(readWorkshop(doc, id)!.agenda).toEqual([]);
  });

  it('adds, updates, ticks, reorders and removes agenda items', () => {
    const doc = newDeal();
    const cost = addCriterion(doc, { name: 'Cost' });
    const id = addWorkshop(doc, { title: 'W' });
    const a = addAgendaItem(doc, id, { text: 'Open', phase: 'prompt' });
    const b = addAgendaItem(doc, id, { text: 'Cost', source: `criterion:${cost}` });
    const c = addAgendaItem(doc, id, { text: 'Agree', phase: 'converge' });
    expect(readWorkshop(doc, id)!.agenda).toEqual([
      { id: a, text: 'Open', phase: 'prompt', source: 'custom', done: false, order: 1 },
      { id: b, text: 'Cost', phase: 'explore', source: `criterion:${cost}`, done: false, order: 2 },
      { id: c, text: 'Agree', phase: 'converge', source: 'custom', done: false, order: 3 },
    ]);
    tickAgendaItem(doc, id, b);
    updateAgendaItem(doc, id, a, { text: 'Open with the problem' });
    reorderAgendaItem(doc, id, c, 0);
    let agenda = readWorkshop(doc, id)!.agenda;
    expect(agenda.map((i) => i.id)).toEqual([c, a, b]);
    expect(agenda.find((i) => i.id === b)!.done).toBe(true);
    expect(agenda.find((i) => i.id === a)!.text).toBe('Open with the problem');
    tickAgendaItem(doc, id, b, false);
    removeAgendaItem(doc, id, c);
    agenda = readWorkshop(doc, id)!.agenda;
    expect(agenda.map((i) => [i.id, i.done])).toEqual([
      [a, false],
      [b, false],
    ]);
    expect(() => tickAgendaItem(doc, id, 'nope')).toThrow(/unknown agenda item/);
  });

  it('agreeWeight sets the criterion’s weight', () => {
    const doc = newDeal();
    const cost = addCriterion(doc, { name: 'Cost', weight: 50 });
    agreeWeight(doc, cost, 35);
    expect(readCriteria(doc)[0]!.weight).toBe(35);
    expect(() => agreeWeight(doc, cost, 101)).toThrow(RangeError);
  });

  it('removing a stakeholder, a criterion or an objection leaves no reference in any workshop', () => {
    const doc = newDeal();
    const anna = addStakeholder(doc, { name: 'Anna' });
    const sam = addStakeholder(doc, { name: 'Sam' });
    const cost = addCriterion(doc, { name: 'Cost' });
    const opex = addObjection(doc, { title: 'Opex', raisedBy: anna });
    const id = addWorkshop(doc, { title: 'W', attendees: [anna, sam] });
    for (const source of [`criterion:${cost}`, `objection:${opex}`, `voice:${anna}`] as const) {
      addAgendaItem(doc, id, { text: source, source });
    }
    removeStakeholder(doc, anna);
    removeCriterion(doc, cost);
    removeObjection(doc, opex);
    const workshop = readWorkshop(doc, id)!;
    expect(workshop.attendees).toEqual([sam]);
    expect(workshop.agenda.map((i) => [i.text.split(':')[0], i.source])).toEqual([
      ['criterion', 'custom'],
      ['objection', 'custom'],
      ['voice', 'custom'],
    ]);
    const stored = [...(sharedMaps(doc).workshops.get(id)!.get('agenda') as Y.Map<Y.Map<unknown>>).values()];
    expect(stored.map((i) => i.get('source'))).toEqual(['custom', 'custom', 'custom']);
    expect(repairReferences(doc)).toBe(0);
  });

  it('concurrent removal elsewhere: readers ignore dangling references and repairReferences clears them', () => {
    const { seller, mobilizer } = twoPeers();
    const anna = addStakeholder(seller, { name: 'Anna' });
    const cost = addCriterion(seller, { name: 'Cost' });
    exchangeUpdates(seller, mobilizer);
    const id = addWorkshop(seller, { title: 'W', attendees: [anna] });
    addAgendaItem(seller, id, { text: 'Cost', source: `criterion:${cost}` });
    removeStakeholder(mobilizer, anna);
    removeCriterion(mobilizer, cost);
    exchangeUpdates(seller, mobilizer);
    expect(readWorkshop(mobilizer, id)).toMatchObject({ attendees: [], agenda: [{ source: 'custom' }] });
    expect(repairReferences(mobilizer)).toBe(2);
    exchangeUpdates(seller, mobilizer);
    expect(repairReferences(seller)).toBe(0);
  });
});
