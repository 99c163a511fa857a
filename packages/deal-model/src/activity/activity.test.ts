import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCriterion, updateCriterion } from '../criteria/index.ts';
import { addObjection, updateObjection } from '../objections/index.ts';
import { addVerifier, tickVerifier, untickVerifier } from '../plan/index.ts';
import { setNotes, setStakeholderNote } from '../private-notes/index.ts';
import { initSharedDoc } from '../shared-doc/index.ts';
import { addStakeholder, removeStakeholder, updateStakeholder } from '../stakeholders/index.ts';
import { submitVoice } from '../voices/index.ts';
import {
  type ActivityRoom,
  type DescribeContext,
  describeChange,
  describeTransaction,
  type RecordChange,
  RecordShadow,
} from './index.ts';

/** A document with a shadow that records each transaction's changes, as the server's recorder does. */
function watched(room: ActivityRoom, setup: (doc: Y.Doc) => void = () => undefined) {
  const doc = new Y.Doc();
  setup(doc);
  const shadow = new RecordShadow(doc, room);
  const changes: RecordChange[] = [];
  doc.on('afterTransaction', (transaction: Y.Transaction) => changes.push(...shadow.apply(transaction)));
  return { doc, changes };
}

function names(doc: Y.Doc): DescribeContext['stakeholderName'] {
  return (id) => {
    const record = doc.getMap('stakeholders').get(id);
    return record instanceof Y.Map ? (record.get('name') as string) : undefined;
  };
}

const words = (doc: Y.Doc, changes: RecordChange[], actor: string | null = 'Mara') =>
  changes.map((change) => describeChange(change, { actor, stakeholderName: names(doc) })?.words);

describe('activity in words', () => {
  let henrik = '';
  const shared = () =>
    watched('shared', (doc) => {
      initSharedDoc(doc, { title: 'Acme rollout', buyer: 'Acme', suggestedVerifiers: false });
      henrik = addStakeholder(doc, { name: 'Henrik', influence: 3 });
    });

  it('raises and lowers a stakeholder’s influence', () => {
    const { doc, changes } = shared();
    updateStakeholder(doc, henrik, { influence: 4 });
    updateStakeholder(doc, henrik, { influence: 2 });
    expect(words(doc, changes)).toEqual([
      'Mara raised Henrik’s influence to 4',
      'Mara lowered Henrik’s influence to 2',
    ]);
  });

  it('joins several fields of one record in one sentence', () => {
    const { doc, changes } = shared();
    updateStakeholder(doc, henrik, { stance: 2, commitment: 'committed' });
    expect(words(doc, changes)).toEqual([
      'Mara moved Henrik’s stance to champion and moved Henrik’s commitment to committed',
    ]);
  });

  it('adds and removes stakeholders by name', () => {
    const { doc, changes } = shared();
    const jonas = addStakeholder(doc, { name: 'Jonas' });
    removeStakeholder(doc, jonas);
    expect(words(doc, changes)).toEqual(['Mara added Jonas to the map', 'Mara removed Jonas from the map']);
    expect(changes.map((c) => describeChange(c, { actor: 'Mara', stakeholderName: names(doc) })?.kind)).toEqual([
      'added',
      'removed',
    ]);
  });

  it('names criteria and their weights', () => {
    const { doc, changes } = shared();
    const security = addCriterion(doc, { name: 'Security', weight: 20 });
    updateCriterion(doc, security, { weight: 35 });
    expect(words(doc, changes)).toEqual(['Mara added the criterion Security', 'Mara set the weight of Security to 35']);
  });

  it('ticks and unticks verifiers, whoever the document claims did it', () => {
    const { doc, changes } = shared();
    const id = addVerifier(doc, 'learn', { text: 'Budget approved' });
    tickVerifier(doc, 'learn', id, { by: 'Somebody Else' });
    untickVerifier(doc, 'learn', id);
    expect(words(doc, changes, 'Jonas')).toEqual([
      'Jonas added the verifier “Budget approved”',
      'Jonas ticked the verifier “Budget approved”',
      'Jonas unticked the verifier “Budget approved”',
    ]);
    expect(changes.map((c) => c.recordType)).toEqual(['verifier', 'verifier', 'verifier']);
    expect(changes[1]!.recordId).toBe(id);
  });

  it('tells an objection’s status', () => {
    const { doc, changes } = shared();
    const id = addObjection(doc, { title: 'Too expensive' });
    updateObjection(doc, id, { status: 'resolved' });
    expect(words(doc, changes)[1]).toBe('Mara marked the objection “Too expensive” resolved');
  });

  it('attributes an answer through a guide link to the stakeholder, as one change', () => {
    const { doc, changes } = shared();
    const security = addCriterion(doc, { name: 'Security' });
    changes.length = 0;
    submitVoice(doc, henrik, { weights: { [security]: 40 }, concerns: 'Migration risk', missing: '' });
    const described = describeTransaction(changes, { actor: null, stakeholderName: names(doc) });
    expect(described.map((d) => d.words)).toEqual(['Henrik answered their guide']);
    expect(described[0]).toMatchObject({ kind: 'answered', change: { recordType: 'voice', recordId: henrik } });
  });

  it('ignores a move in the list', () => {
    const { doc, changes } = shared();
    (doc.getMap('stakeholders').get(henrik) as Y.Map<unknown>).set('order', 99);
    expect(words(doc, changes)).toEqual([undefined]);
    expect(describeTransaction(changes, { actor: 'Mara', stakeholderName: names(doc) })).toEqual([]);
  });

  it('never quotes private notes', () => {
    const shared = new Y.Doc();
    const sam = addStakeholder(shared, { name: 'Sam' });
    const { doc, changes } = watched('seller');
    setNotes(doc, 'Their CFO hates us');
    setStakeholderNote(doc, sam, 'Sam is leaving in May');
    const sentences = changes.map((c) => describeChange(c, { actor: 'Mara', stakeholderName: names(shared) })?.words);
    expect(sentences).toEqual(['Mara edited the seller notes', 'Mara edited the private notes on Sam']);
    expect(sentences.join(' ')).not.toMatch(/CFO|leaving/);
    expect(changes.map((c) => c.room)).toEqual(['seller', 'seller']);
  });
});
