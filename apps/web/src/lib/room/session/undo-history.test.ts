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
});
