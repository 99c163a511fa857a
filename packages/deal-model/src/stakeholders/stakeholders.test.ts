import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCriterion, readCriteria, setStakeholderWeight } from '../criteria/index.ts';
import { readGuide, readGuides, updateGuide } from '../guides/index.ts';
import { addObjection, readObjections, updateObjection } from '../objections/index.ts';
import { addRelationship, readRelationships } from '../relationships/index.ts';
import { sharedMaps } from '../shared-doc/index.ts';
import { exchangeUpdates, newDeal, twoPeers } from '../testing/two-peers.ts';
import {
  addStakeholder,
  readStakeholder,
  readStakeholders,
  removeStakeholder,
  reorderStakeholder,
  stakeholderPriorities,
  updateStakeholder,
} from './stakeholders.ts';

describe('stakeholders', () => {
  it('adds a stakeholder with defaults and reads it back with its group', () => {
    const doc = newDeal();
    const id = addStakeholder(doc, { name: 'Anna Kowalski', title: 'CFO', profile: 'skeptic' });
    expect(readStakeholder(doc, id)).toEqual({
      id,
      name: 'Anna Kowalski',
      title: 'CFO',
      department: '',
      role: null,
      profile: 'skeptic',
      group: 'mobilizer',
      influence: 3,
      stance: 0,
      commitment: 'unaware',
      reportsTo: null,
      priorities: '',
      order: 1,
    });
    expect(sharedMaps(doc).stakeholders.get(id)!.get('priorities')).toBeInstanceOf(Y.Text);
  });

  it('lists stakeholders by order and reorders them', () => {
    const doc = newDeal();
    const a = addStakeholder(doc, { name: 'A' });
    const b = addStakeholder(doc, { name: 'B' });
    const c = addStakeholder(doc, { name: 'C' });
    expect(readStakeholders(doc).map((s) => s.id)).toEqual([a, b, c]);
    reorderStakeholder(doc, c, 0);
    expect(readStakeholders(doc).map((s) => s.name)).toEqual(['C', 'A', 'B']);
  });

  it('updates fields, editing priorities inside the existing Y.Text', () => {
    const doc = newDeal();
    const id = addStakeholder(doc, { name: 'Henrik', priorities: 'Productivity' });
    const text = stakeholderPriorities(doc, id);
    updateStakeholder(doc, id, { stance: 2, commitment: 'committed', priorities: 'Productivity and growth' });
    expect(stakeholderPriorities(doc, id)).toBe(text);
    expect(readStakeholder(doc, id)).toMatchObject({
      stance: 2,
      commitment: 'committed',
      priorities: 'Productivity and growth',
    });
  });

  it('rejects invalid values and unknown ids', () => {
    const doc = newDeal();
    const id = addStakeholder(doc, { name: 'X' });
    expect(() => updateStakeholder(doc, id, { influence: 6 })).toThrow(RangeError);
    expect(() => updateStakeholder(doc, id, { stance: 1.5 })).toThrow(RangeError);
    expect(() => updateStakeholder(doc, id, { profile: 'hero' as never })).toThrow(RangeError);
    expect(() => updateStakeholder(doc, id, { commitment: 'signed' as never })).toThrow(RangeError);
    expect(() => updateStakeholder(doc, id, { reportsTo: 'missing' })).toThrow(RangeError);
    expect(() => updateStakeholder(doc, 'missing', { name: 'Y' })).toThrow(/unknown stakeholder/);
    expect(() => addStakeholder(doc, { name: 'Z', role: 'boss' as never })).toThrow(RangeError);
  });

  it('refuses a reporting cycle', () => {
    const doc = newDeal();
    const ceo = addStakeholder(doc, { name: 'CEO' });
    const cfo = addStakeholder(doc, { name: 'CFO', reportsTo: ceo });
    const it1 = addStakeholder(doc, { name: 'IT', reportsTo: cfo });
    expect(() => updateStakeholder(doc, ceo, { reportsTo: it1 })).toThrow(/cycle/);
    expect(() => updateStakeholder(doc, ceo, { reportsTo: ceo })).toThrow(/cycle/);
  });

  it('reads invalid stored values as defaults (an outside client wrote them)', () => {
    const doc = newDeal();
    const id = addStakeholder(doc, { name: 'X' });
    const record = sharedMaps(doc).stakeholders.get(id)!;
    record.set('influence', 42);
    record.set('profile', 'hero');
    record.set('stance', 'high');
    record.set('reportsTo', 'gone');
    expect(readStakeholder(doc, id)).toMatchObject({ influence: 5, profile: 'unknown', stance: 0, reportsTo: null });
  });

  it('removes a stakeholder and every reference to them in one transaction', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, { name: 'CFO' });
    const other = addStakeholder(doc, { name: 'Procurement', reportsTo: cfo });
    const criterion = addCriterion(doc, { name: 'TCO', owner: cfo });
    setStakeholderWeight(doc, criterion, cfo, 60);
    setStakeholderWeight(doc, criterion, other, 30);
    const objection = addObjection(doc, { title: 'Opex', raisedBy: cfo });
    addRelationship(doc, { from: cfo, to: other, kind: 'allies' });
    addRelationship(doc, { from: other, to: cfo, kind: 'influences' });
    updateGuide(doc, cfo, { summary: 'For the CFO' });
    updateGuide(doc, other, { summary: 'For procurement' });
    let updates = 0;
    doc.on('update', () => updates++);

    removeStakeholder(doc, cfo);

    expect(updates).toBe(1);
    expect(readStakeholders(doc).map((s) => s.id)).toEqual([other]);
    expect(sharedMaps(doc).stakeholders.get(other)!.get('reportsTo')).toBeNull();
    const [c] = readCriteria(doc);
    expect(c!.owner).toBeNull();
    expect(sharedMaps(doc).criteria.get(criterion)!.get('owner')).toBeNull();
    expect((sharedMaps(doc).criteria.get(criterion)!.get('weightsByStakeholder') as Y.Map<number>).toJSON()).toEqual({
      [other]: 30,
    });
    expect(readObjections(doc).find((o) => o.id === objection)!.raisedBy).toBeNull();
    expect(sharedMaps(doc).relationships.size).toBe(0);
    expect(sharedMaps(doc).guides.has(cfo)).toBe(false);
    expect(readGuide(doc, other)!.summary).toBe('For procurement');
  });

  it('converges when one peer removes a stakeholder while the other names them as an objection raiser', () => {
    const { seller, mobilizer } = twoPeers();
    const cfo = addStakeholder(seller, { name: 'CFO' });
    const objection = addObjection(seller, { title: 'Opex' });
    exchangeUpdates(seller, mobilizer);

    removeStakeholder(seller, cfo);
    updateObjection(mobilizer, objection, { raisedBy: cfo });
    exchangeUpdates(seller, mobilizer);

    expect(Y.encodeStateAsUpdate(seller)).toEqual(Y.encodeStateAsUpdate(mobilizer));
    expect(readStakeholders(seller)).toEqual([]);
    expect(readObjections(seller)).toEqual(readObjections(mobilizer));
    expect(readObjections(seller)[0]!.raisedBy).toBeNull();
  });

  it('converges when one peer removes a stakeholder while the other edits them, weights them and writes their guide', () => {
    const { seller, mobilizer } = twoPeers();
    const cfo = addStakeholder(seller, { name: 'CFO' });
    const ceo = addStakeholder(seller, { name: 'CEO' });
    const criterion = addCriterion(seller, { name: 'TCO' });
    exchangeUpdates(seller, mobilizer);

    removeStakeholder(seller, cfo);
    updateStakeholder(mobilizer, cfo, { stance: 2 });
    updateStakeholder(mobilizer, ceo, { reportsTo: cfo });
    setStakeholderWeight(mobilizer, criterion, cfo, 80);
    addRelationship(mobilizer, { from: cfo, to: ceo, kind: 'rivals' });
    updateGuide(mobilizer, ceo, { summary: 'CEO guide' });
    exchangeUpdates(seller, mobilizer);

    for (const doc of [seller, mobilizer]) {
      expect(readStakeholders(doc).map((s) => s.name)).toEqual(['CEO']);
      expect(readStakeholders(doc)[0]!.reportsTo).toBeNull();
      expect(readCriteria(doc)[0]!.weightsByStakeholder).toEqual({});
      expect(readRelationships(doc)).toEqual([]);
      expect(readGuides(doc).map((g) => g.stakeholderId)).toEqual([ceo]);
    }
    expect(readStakeholders(seller)).toEqual(readStakeholders(mobilizer));
  });

  it('keeps both stakeholders added concurrently, in the same order on both peers', () => {
    const { seller, mobilizer } = twoPeers();
    addStakeholder(seller, { name: 'From seller' });
    addStakeholder(mobilizer, { name: 'From mobilizer' });
    exchangeUpdates(seller, mobilizer);
    expect(
      readStakeholders(seller)
        .map((s) => s.name)
        .sort(),
    ).toEqual(['From mobilizer', 'From seller']);
    expect(readStakeholders(seller)).toEqual(readStakeholders(mobilizer));
  });
});
