import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addCoachingEvidence, initCoaching, setCoachingMobilizer } from '../coaching/index.ts';
import { addCriterion, setCriterionScore, setStakeholderWeight } from '../criteria/index.ts';
import { addGuideObjection, updateGuide } from '../guides/index.ts';
import { addCausalLink, addNode, attachVoice, removeNode } from '../mental-model/index.ts';
import { addNegotiable, removeNegotiable } from '../negotiables/index.ts';
import { addObjection, removeObjection, updateObjection } from '../objections/index.ts';
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

  it('cleans what concurrent edits leave in negotiable points, coaching and the mental model', () => {
    const { seller, mobilizer } = twoPeers();
    const mara = addStakeholder(seller, { name: 'Mara', profile: 'go-getter' });
    const cfo = addStakeholder(seller, { name: 'CFO' });
    const objection = addObjection(seller, { title: 'Opex' });
    const negotiable = addNegotiable(seller, { text: 'Lease term' });
    const a = addNode(seller, 'current', { text: 'a' });
    const b = addNode(seller, 'current', { text: 'b' });
    initCoaching(seller, mara);
    exchangeUpdates(seller, mobilizer);
    removeStakeholder(seller, cfo);
    removeObjection(seller, objection);
    removeNegotiable(seller, negotiable);
    removeNode(seller, 'current', b);
    const kept = addNegotiable(mobilizer, {
      text: 'Payment terms',
      answers: `objection:${objection}`,
      concededTo: cfo,
    });
    addCoachingEvidence(mobilizer, 'concerns-surfaced', `voice:${cfo}`);
    addCoachingEvidence(mobilizer, 'concerns-surfaced', `objection:${objection}`);
    addCoachingEvidence(mobilizer, 'negotiables-blockers', `negotiable:${negotiable}`);
    setCoachingMobilizer(mobilizer, cfo);
    attachVoice(mobilizer, 'current', a, cfo);
    addCausalLink(mobilizer, 'current', { from: a, to: b });
    exchangeUpdates(seller, mobilizer);
    expect(repairReferences(seller)).toBe(7); // one fix per record or list
    exchangeUpdates(seller, mobilizer);
    for (const doc of [seller, mobilizer]) {
      const record = sharedMaps(doc).negotiables.get(kept)!;
      expect([record.get('answers'), record.get('concededTo')]).toEqual([null, null]);
      expect(sharedMaps(doc).coaching.get('mobilizerId')).toBeNull();
      const stages = sharedMaps(doc).coaching.get('stages') as Y.Map<Y.Map<unknown>>;
      for (const stage of stages.values()) expect((stage.get('evidence') as Y.Array<string>).length).toBe(0);
      const graph = sharedMaps(doc).mentalModel.get('current') as Y.Map<Y.Map<Y.Map<unknown>>>;
      expect(graph.get('links')!.size).toBe(0);
      expect((graph.get('nodes')!.get(a)!.get('voiceIds') as Y.Array<string>).length).toBe(0);
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
