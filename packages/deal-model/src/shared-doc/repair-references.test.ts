import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addCriterion, setCriterionScore, setStakeholderWeight } from '../criteria/index.ts';
import { addGuideObjection, updateGuide } from '../guides/index.ts';
import { addObjection, updateObjection } from '../objections/index.ts';
import { addOption, removeOption } from '../options/index.ts';
import { addRelationship } from '../relationships/index.ts';
import { addStakeholder, removeStakeholder, updateStakeholder } from '../stakeholders/index.ts';
import { exchangeUpdates, newDeal, twoPeers } from '../testing/two-peers.ts';
import { repairReferences } from './repair-references.ts';
import { sharedMaps } from './shared-maps.ts';

describe('repairReferences', () => {
  it('cleans every reference a concurrent delete left behind, and both peers end clean', () => {
    const { seller, mobilizer } = twoPeers();
    const cfo = addStakeholder(seller, { name: 'CFO' });
    const ceo = addStakeholder(seller, { name: 'CEO' });
    const option = addOption(seller, { name: 'Ours' });
    const criterion = addCriterion(seller, { name: 'TCO' });
    const objection = addObjection(seller, { title: 'Opex' });
    const other = addObjection(seller, { title: 'Risk' });
    updateGuide(seller, ceo, { summary: 'CEO' });
    exchangeUpdates(seller, mobilizer);

    removeStakeholder(seller, cfo);
    removeOption(seller, option);
    sharedMaps(seller).objections.delete(other);
    updateObjection(mobilizer, objection, { raisedBy: cfo });
    updateStakeholder(mobilizer, ceo, { reportsTo: cfo });
    setStakeholderWeight(mobilizer, criterion, cfo, 70);
    setCriterionScore(mobilizer, criterion, option, 4);
    addRelationship(mobilizer, { from: cfo, to: ceo, kind: 'rivals' });
    updateGuide(mobilizer, cfo, { summary: 'for a ghost' });
    addGuideObjection(mobilizer, ceo, other);
    exchangeUpdates(seller, mobilizer);

    expect(repairReferences(seller)).toBe(7);
    exchangeUpdates(seller, mobilizer);
    for (const doc of [seller, mobilizer]) {
      const maps = sharedMaps(doc);
      expect(maps.objections.get(objection)!.get('raisedBy')).toBeNull();
      expect(maps.stakeholders.get(ceo)!.get('reportsTo')).toBeNull();
      const record = maps.criteria.get(criterion)!;
      expect((record.get('weightsByStakeholder') as Y.Map<number>).size).toBe(0);
      expect((record.get('scores') as Y.Map<number>).size).toBe(0);
      expect(maps.relationships.size).toBe(0);
      expect([...maps.guides.keys()]).toEqual([ceo]);
      expect((maps.guides.get(ceo)!.get('objectionIds') as Y.Array<string>).toArray()).toEqual([]);
    }
    expect(repairReferences(mobilizer)).toBe(0);
  });

  it('writes nothing to a clean document', () => {
    const doc = newDeal();
    addStakeholder(doc, { name: 'CFO' });
    let updates = 0;
    doc.on('update', () => updates++);
    expect(repairReferences(doc)).toBe(0);
    expect(updates).toBe(0);
  });
});
