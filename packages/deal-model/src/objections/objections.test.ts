import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readGuide, updateGuide } from '../guides/index.ts';
import { sharedMaps } from '../shared-doc/index.ts';
import { addStakeholder } from '../stakeholders/index.ts';
import { exchangeUpdates, newDeal, twoPeers } from '../testing/two-peers.ts';
import {
  addObjection,
  objectionText,
  readObjections,
  removeObjection,
  reorderObjection,
  updateObjection,
} from './objections.ts';

describe('objections', () => {
  it('adds an objection with defaults and Y.Text response and evidence', () => {
    const doc = newDeal();
    const id = addObjection(doc, { title: 'Too expensive' });
    const record = sharedMaps(doc).objections.get(id)!;
    expect(record.get('response')).toBeInstanceOf(Y.Text);
    expect(record.get('evidence')).toBeInstanceOf(Y.Text);
    expect(readObjections(doc)).toEqual([
      {
        id,
        title: 'Too expensive',
        raisedBy: null,
        category: 'other',
        response: '',
        evidence: '',
        status: 'open',
        owner: 'seller',
        order: 1,
      },
    ]);
  });

  it('updates, reorders and validates', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, { name: 'CFO' });
    const a = addObjection(doc, { title: 'A' });
    const b = addObjection(doc, { title: 'B' });
    updateObjection(doc, a, { raisedBy: cfo, category: 'price', status: 'addressed', owner: 'buyer', response: 'r' });
    reorderObjection(doc, b, 0);
    expect(readObjections(doc).map((o) => o.title)).toEqual(['B', 'A']);
    expect(readObjections(doc)[1]).toMatchObject({
      raisedBy: cfo,
      category: 'price',
      status: 'addressed',
      owner: 'buyer',
    });
    expect(objectionText(doc, a, 'response').toString()).toBe('r');
    expect(() => updateObjection(doc, a, { status: 'won' as never })).toThrow(RangeError);
    expect(() => updateObjection(doc, a, { raisedBy: 'ghost' })).toThrow(RangeError);
  });

  it('two people typing in the same response both keep their words', () => {
    const { seller, mobilizer } = twoPeers();
    const id = addObjection(seller, { title: 'Opex', response: 'Lease spreads cost.' });
    exchangeUpdates(seller, mobilizer);
    objectionText(seller, id, 'response').insert(0, 'Seller: ');
    const theirs = objectionText(mobilizer, id, 'response');
    theirs.insert(theirs.length, ' Mobilizer: the board agrees.');
    exchangeUpdates(seller, mobilizer);
    expect(readObjections(seller)[0]!.response).toBe('Seller: Lease spreads cost. Mobilizer: the board agrees.');
    expect(readObjections(mobilizer)).toEqual(readObjections(seller));
  });

  it('removing an objection removes it from every guide', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, { name: 'CFO' });
    const ceo = addStakeholder(doc, { name: 'CEO' });
    const a = addObjection(doc, { title: 'A' });
    const b = addObjection(doc, { title: 'B' });
    updateGuide(doc, cfo, { objectionIds: [a, b] });
    updateGuide(doc, ceo, { objectionIds: [a] });
    removeObjection(doc, a);
    expect(readGuide(doc, cfo)!.objectionIds).toEqual([b]);
    expect(readGuide(doc, ceo)!.objectionIds).toEqual([]);
    const raw = sharedMaps(doc).guides.get(cfo)!.get('objectionIds') as Y.Array<string>;
    expect(raw.toArray()).toEqual([b]);
  });
});
