import { describe, expect, it } from 'vitest';
import { addObjection, removeObjection } from '../objections/index.ts';
import { addStakeholder, removeStakeholder } from '../stakeholders/index.ts';
import { newDeal } from '../testing/two-peers.ts';
import {
  addNegotiable,
  readNegotiable,
  readNegotiables,
  removeNegotiable,
  reorderNegotiable,
  updateNegotiable,
} from './negotiables.ts';

describe('negotiable points', () => {
  it('records what can be conceded, the concern it answers, to whom, and where it stands', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, { name: 'CFO' });
    const itBoard = addStakeholder(doc, { name: 'IT board', profile: 'blocker' });
    const opex = addObjection(doc, { title: 'Opex', raisedBy: cfo });
    const lease = addNegotiable(doc, { text: 'Lease term of 36 or 48 months', answers: `objection:${opex}` });
    const image = addNegotiable(doc, { text: 'Standard security image', answers: `voice:${itBoard}` });
    updateNegotiable(doc, image, { status: 'conceded', concededTo: itBoard });
    reorderNegotiable(doc, image, 0);
    expect(readNegotiables(doc)).toMatchObject([
      { id: image, answers: `voice:${itBoard}`, concededTo: itBoard, status: 'conceded' },
      { id: lease, answers: `objection:${opex}`, concededTo: null, status: 'proposed' },
    ]);
    updateNegotiable(doc, lease, { status: 'agreed', answers: null });
    expect(readNegotiable(doc, lease)).toMatchObject({ status: 'agreed', answers: null });
  });

  it('refuses invalid values with a RangeError naming the field', () => {
    const doc = newDeal();
    const id = addNegotiable(doc, { text: 'Payment terms' });
    expect(() => updateNegotiable(doc, id, { status: 'maybe' as never })).toThrow(/status/);
    expect(() => updateNegotiable(doc, id, { answers: 'objection:ghost' })).toThrow(/answers/);
    expect(() => updateNegotiable(doc, id, { answers: 'negotiable:x' as never })).toThrow(/answers/);
    expect(() => updateNegotiable(doc, id, { concededTo: 'ghost' })).toThrow(/concededTo/);
    expect(() => updateNegotiable(doc, 'nope', { text: 'x' })).toThrow(/unknown negotiable/);
  });

  it('removing an objection or a stakeholder keeps the point and clears what pointed at them', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, { name: 'CFO' });
    const opex = addObjection(doc, { title: 'Opex' });
    const a = addNegotiable(doc, { text: 'a', answers: `objection:${opex}` });
    const b = addNegotiable(doc, { text: 'b', answers: `voice:${cfo}`, concededTo: cfo, status: 'conceded' });
    removeObjection(doc, opex);
    removeStakeholder(doc, cfo);
    expect(readNegotiables(doc).map((n) => [n.id, n.answers, n.concededTo])).toEqual([
      [a, null, null],
      [b, null, null],
    ]);
    removeNegotiable(doc, a);
    expect(readNegotiables(doc).map((n) => n.id)).toEqual([b]);
  });
});
