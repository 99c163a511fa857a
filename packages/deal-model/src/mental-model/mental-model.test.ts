import { describe, expect, it } from 'vitest';
import { addStakeholder, removeStakeholder } from '../stakeholders/index.ts';
import { exchangeUpdates, newDeal, twoPeers } from '../testing/two-peers.ts';
import {
  addCausalLink,
  addNode,
  attachVoice,
  copyCurrentToAgreed,
  detachVoice,
  raiseImportance,
  readMentalModel,
  readModelGraph,
  removeLink,
  removeNode,
  reorderNode,
  updateLink,
  updateNode,
} from './mental-model.ts';
import { modelDiff } from './model-diff.ts';

describe('the mental model, A → B', () => {
  it('the three moves: add a box, make it bigger, add an arrow', () => {
    const doc = newDeal();
    const price = addNode(doc, 'current', { text: 'Unit price drives cost', importance: 4 });
    const cost = addNode(doc, 'current', { text: 'IT cost', importance: 5 });
    raiseImportance(doc, 'current', price);
    const link = addCausalLink(doc, 'current', { from: price, to: cost, note: 'cheaper devices, lower cost' });
    expect(readModelGraph(doc, 'current')).toEqual({
      nodes: [
        { id: price, text: 'Unit price drives cost', importance: 5, voiceIds: [], order: 1 },
        { id: cost, text: 'IT cost', importance: 5, voiceIds: [], order: 2 },
      ],
      links: [{ id: link, from: price, to: cost, note: 'cheaper devices, lower cost' }],
    });
    expect(() => raiseImportance(doc, 'current', price)).toThrow(/cannot go above 5/);
    expect(() => addCausalLink(doc, 'current', { from: price, to: cost })).toThrow(/already exists/);
    expect(() => addCausalLink(doc, 'current', { from: price, to: price })).toThrow(/itself/);
    expect(() => addCausalLink(doc, 'agreed', { from: price, to: cost })).toThrow(/unknown belief/);
    expect(() => addNode(doc, 'current', { text: 'x', importance: 6 })).toThrow(/importance/);
    expect(() => addNode(doc, 'future' as never, { text: 'x' })).toThrow(/model/);
  });

  it('attaches the voices that express a belief; removing a stakeholder detaches them', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, { name: 'CFO' });
    const ceo = addStakeholder(doc, { name: 'CEO' });
    const node = addNode(doc, 'current', { text: 'Cash is king', voiceIds: [cfo] });
    attachVoice(doc, 'current', node, ceo);
    attachVoice(doc, 'current', node, ceo);
    expect(readModelGraph(doc, 'current').nodes[0]!.voiceIds).toEqual([cfo, ceo]);
    detachVoice(doc, 'current', node, cfo);
    expect(readModelGraph(doc, 'current').nodes[0]!.voiceIds).toEqual([ceo]);
    expect(() => attachVoice(doc, 'current', node, 'ghost')).toThrow(/unknown stakeholder/);
    removeStakeholder(doc, ceo);
    expect(readModelGraph(doc, 'current').nodes[0]!.voiceIds).toEqual([]);
  });

  it('updates, reorders and removes; removing a belief removes its arrows', () => {
    const doc = newDeal();
    const a = addNode(doc, 'agreed', { text: 'a' });
    const b = addNode(doc, 'agreed', { text: 'b' });
    const c = addNode(doc, 'agreed', { text: 'c' });
    const ab = addCausalLink(doc, 'agreed', { from: a, to: b });
    addCausalLink(doc, 'agreed', { from: b, to: c });
    updateNode(doc, 'agreed', a, { text: 'A', importance: 1 });
    updateLink(doc, 'agreed', ab, { note: 'because' });
    reorderNode(doc, 'agreed', c, 0);
    removeNode(doc, 'agreed', b);
    const graph = readModelGraph(doc, 'agreed');
    expect(graph.nodes.map((n) => [n.text, n.importance])).toEqual([
      ['c', 3],
      ['A', 1],
    ]);
    expect(graph.links).toEqual([]);
    const ca = addCausalLink(doc, 'agreed', { from: c, to: a });
    removeLink(doc, 'agreed', ca);
    expect(readModelGraph(doc, 'agreed').links).toEqual([]);
  });

  it('B starts as a copy of A; the diff lists what B adds, raises and links', () => {
    const doc = newDeal();
    const price = addNode(doc, 'current', { text: 'Unit price', importance: 5 });
    const productivity = addNode(doc, 'current', { text: 'Productivity', importance: 2 });
    const cost = addNode(doc, 'current', { text: 'IT cost', importance: 4 });
    addCausalLink(doc, 'current', { from: price, to: cost });
    copyCurrentToAgreed(doc);
    expect(modelDiff(doc)).toEqual({ added: [], raised: [], linked: [], dropped: [] });
    expect(readMentalModel(doc).agreed).toEqual(readMentalModel(doc).current);

    const lostTime = addNode(doc, 'agreed', { text: 'Lost field time', importance: 5 });
    raiseImportance(doc, 'agreed', productivity, { by: 2 });
    const arrow = addCausalLink(doc, 'agreed', { from: lostTime, to: productivity, note: '25 min a day' });
    removeNode(doc, 'agreed', price);
    expect(modelDiff(doc)).toEqual({
      added: [{ nodeId: lostTime, text: 'Lost field time', importance: 5 }],
      raised: [{ nodeId: productivity, text: 'Productivity', from: 2, to: 4 }],
      linked: [
        {
          linkId: arrow,
          from: lostTime,
          to: productivity,
          fromText: 'Lost field time',
          toText: 'Productivity',
          note: '25 min a day',
        },
      ],
      dropped: [{ nodeId: price, text: 'Unit price' }],
    });
    expect(() => copyCurrentToAgreed(doc)).toThrow(/replace: true/);
    copyCurrentToAgreed(doc, { replace: true });
    expect(modelDiff(doc).added).toEqual([]);
  });

  it('a B drawn from scratch is matched to A by the beliefs’ text', () => {
    const doc = newDeal();
    const a1 = addNode(doc, 'current', { text: 'Unit price', importance: 3 });
    const a2 = addNode(doc, 'current', { text: 'IT cost' });
    addCausalLink(doc, 'current', { from: a1, to: a2 });
    const b1 = addNode(doc, 'agreed', { text: '  unit   PRICE ', importance: 4 });
    const b2 = addNode(doc, 'agreed', { text: 'IT cost' });
    addCausalLink(doc, 'agreed', { from: b1, to: b2 });
    const diff = modelDiff(doc);
    expect(diff.added).toEqual([]);
    expect(diff.linked).toEqual([]);
    expect(diff.raised).toEqual([{ nodeId: b1, text: '  unit   PRICE ', from: 3, to: 4 }]);
  });

  it('both sides edit the same graph; an arrow to a belief a peer removed is not read', () => {
    const { seller, mobilizer } = twoPeers();
    const a = addNode(seller, 'current', { text: 'a' });
    const b = addNode(seller, 'current', { text: 'b' });
    exchangeUpdates(seller, mobilizer);
    removeNode(seller, 'current', b);
    addCausalLink(mobilizer, 'current', { from: a, to: b });
    exchangeUpdates(seller, mobilizer);
    expect(readModelGraph(seller, 'current').links).toEqual([]);
    expect(readMentalModel(mobilizer)).toEqual(readMentalModel(seller));
  });
});
