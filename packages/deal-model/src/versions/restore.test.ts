import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToJson } from '../exchange/index.ts';
import { addObjection, readObjections } from '../objections/index.ts';
import { addVerifier, readPlan, removeVerifier } from '../plan/index.ts';
import {
  addStakeholder,
  readStakeholders,
  removeStakeholder,
  stakeholderPriorities,
  updateStakeholder,
} from '../stakeholders/index.ts';
import { exchangeUpdates, twoPeers } from '../testing/two-peers.ts';
import { restoreDocument, restoreRecord } from './restore.ts';
import { valueAt, versionRecords } from './version-records.ts';

const origin = { local: true };

function undoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager(
    ['stakeholders', 'objections', 'plan', 'criteria'].map((name) => doc.getMap(name)),
    { trackedOrigins: new Set([origin]) },
  );
}

describe('restoring a version', () => {
  it('brings a deleted stakeholder back, with its text, to every peer, and undo removes it again', () => {
    const { seller, mobilizer } = twoPeers();
    const id = addStakeholder(seller, { name: 'Henrik Olsen', title: 'CFO', influence: 4 });
    stakeholderPriorities(seller, id).insert(0, 'Cut downtime');
    const version = docToJson(seller, 'shared');
    removeStakeholder(seller, id);
    exchangeUpdates(seller, mobilizer);
    expect(readStakeholders(mobilizer).some((s) => s.id === id)).toBe(false);

    const [record] = versionRecords(version, docToJson(seller, 'shared'));
    expect(record).toMatchObject({
      kind: 'stakeholder',
      path: ['stakeholders', id],
      label: 'Henrik Olsen',
      state: 'deleted',
    });
    const undo = undoManager(seller);
    restoreRecord(seller, 'shared', record!.path, valueAt(version, record!.path), origin);
    exchangeUpdates(seller, mobilizer);
    const back = readStakeholders(mobilizer).find((s) => s.id === id);
    expect(back).toMatchObject({ name: 'Henrik Olsen', title: 'CFO', influence: 4 });
    expect(stakeholderPriorities(mobilizer, id)).toBeInstanceOf(Y.Text);
    expect(stakeholderPriorities(mobilizer, id).toString()).toBe('Cut downtime');
    expect(versionRecords(version, docToJson(seller, 'shared'))).toEqual([]);

    undo.undo();
    exchangeUpdates(seller, mobilizer);
    expect(readStakeholders(mobilizer).some((s) => s.id === id)).toBe(false);
  });

  it('restores a changed record field by field, and a deleted verifier inside its stage', () => {
    const { seller } = twoPeers();
    const id = addStakeholder(seller, { name: 'Henrik', influence: 4 });
    const verifier = addVerifier(seller, 'learn', { text: 'CFO shared the cost of downtime' });
    const version = docToJson(seller, 'shared');
    updateStakeholder(seller, id, { name: 'Henrik O.', influence: 2 });
    removeVerifier(seller, 'learn', verifier);
    const records = versionRecords(version, docToJson(seller, 'shared'));
    expect(records.map((r) => [r.kind, r.state, r.label])).toEqual([
      ['verifier', 'deleted', 'CFO shared the cost of downtime'],
      ['stakeholder', 'changed', 'Henrik'],
    ]);
    for (const record of records) restoreRecord(seller, 'shared', record.path, record.value, origin);
    expect(readStakeholders(seller).find((s) => s.id === id)).toMatchObject({ name: 'Henrik', influence: 4 });
    expect(readPlan(seller)[0]!.verifiers.some((v) => v.id === verifier)).toBe(true);
    expect(docToJson(seller, 'shared')).toEqual(version);
  });

  it('restores a whole document: records added since go, deleted ones come back, as one undoable change', () => {
    const { seller, mobilizer } = twoPeers();
    const kept = addObjection(seller, { title: 'Too expensive' });
    const version = docToJson(seller, 'shared');
    addObjection(seller, { title: 'Added later' });
    addStakeholder(seller, { name: 'Later person' });
    exchangeUpdates(seller, mobilizer);
    const before = docToJson(mobilizer, 'shared');

    const undo = undoManager(mobilizer);
    restoreDocument(mobilizer, 'shared', version, origin);
    exchangeUpdates(seller, mobilizer);
    expect(docToJson(seller, 'shared')).toEqual(version);
    expect(readObjections(seller).map((o) => o.id)).toEqual([kept]);

    undo.undo();
    exchangeUpdates(seller, mobilizer);
    expect(docToJson(seller, 'shared')).toEqual(before);
  });

  it('restores a private document’s top-level text and maps', () => {
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'First notes');
    const version = docToJson(doc, 'buyer');
    doc.getText('notes').insert(0, 'Changed. ');
    doc.getMap('stakeholderNotes').set('x', new Y.Text('later'));
    restoreDocument(doc, 'buyer', version, origin);
    expect(docToJson(doc, 'buyer')).toEqual(version);
  });

  it('refuses a path that names no record', () => {
    const { seller } = twoPeers();
    expect(() => restoreRecord(seller, 'shared', ['stakeholders'], {})).toThrow(/path/);
  });
});
