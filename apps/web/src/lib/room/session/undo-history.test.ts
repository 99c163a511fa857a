import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UndoHistory } from './undo-history.ts';

describe('UndoHistory', () => {
  const local = Symbol('local');

  it('undoes own edits across two documents newest first, and redoes them', () => {
    const shared = new Y.Doc();
    const notes = new Y.Doc();
    const history = new UndoHistory(local, { captureTimeout: 0 });
    history.track([shared.getMap('criteria')]);
    history.track([notes.getText('notes')]);

    shared.transact(() => shared.getMap('criteria').set('a', 1), local);
    notes.transact(() => notes.getText('notes').insert(0, 'private'), local);
    shared.transact(() => shared.getMap('criteria').set('b', 2), local);

    expect(history.undo()).toBe(true);
    expect(shared.getMap('criteria').has('b')).toBe(false);
    expect(notes.getText('notes').toString()).toBe('private');
    history.undo();
    expect(notes.getText('notes').toString()).toBe('');
    history.undo();
    expect(shared.getMap('criteria').size).toBe(0);
    expect(history.undo()).toBe(false);

    history.redo();
    expect(shared.getMap('criteria').get('a')).toBe(1);
    history.redo();
    expect(notes.getText('notes').toString()).toBe('private');
  });

  it('never undoes what another person wrote', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const history = new UndoHistory(local, { captureTimeout: 0 });
    history.track([mine.getText('t')]);
    mine.transact(() => mine.getText('t').insert(0, 'mine '), local);
    theirs.getText('t').insert(0, 'theirs ');
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs), 'remote');
    history.undo();
    expect(mine.getText('t').toString()).toBe('theirs ');
    expect(history.canUndo).toBe(false);
  });

  it('lets removed text leave the document while suspended, so what the server refused as too large can sync', () => {
    const server = new Y.Doc();
    const doc = new Y.Doc();
    const notes = doc.getText('notes');
    const history = new UndoHistory(local, { captureTimeout: 0 });
    history.track([notes]);
    doc.transact(() => notes.insert(0, 'Kept.'), local);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    const pending = () => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)).byteLength;

    doc.transact(() => notes.insert(5, 'x'.repeat(300_000)), local);
    history.suspend(doc);
    expect(history.canUndo).toBe(false);
    doc.transact(() => notes.delete(5, 300_000), local);
    expect(notes.toString()).toBe('Kept.');
    expect(pending()).toBeLessThan(1_000);
    expect(history.canUndo).toBe(false);

    history.resume(doc);
    doc.transact(() => notes.insert(5, ' Again.'), local);
    expect(history.canUndo).toBe(true);
  });
});
