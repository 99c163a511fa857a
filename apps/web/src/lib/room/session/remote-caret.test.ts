import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeCaret, encodeCaret } from './remote-caret.ts';

function peers(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update));
  b.on('update', (update: Uint8Array) => Y.applyUpdate(a, update));
  return [a, b];
}

describe('remote carets', () => {
  it('stays on its character while someone else types before it', () => {
    const [a, b] = peers();
    a.getText('t').insert(0, 'Cash flow matters');
    const caret = encodeCaret(a.getText('t'), 5); // before "flow"
    expect(decodeCaret(b.getText('t'), caret)).toBe(5);
    b.getText('t').insert(0, 'Q3: ');
    expect(decodeCaret(b.getText('t'), caret)).toBe(9);
    expect(b.getText('t').toString().slice(9)).toMatch(/^flow/);
  });

  it('is null in another text, or when it is not a caret at all', () => {
    const [a] = peers();
    a.getText('t').insert(0, 'abc');
    a.getText('other').insert(0, 'xyz');
    const caret = encodeCaret(a.getText('t'), 2);
    expect(decodeCaret(a.getText('other'), caret)).toBeNull();
    expect(decodeCaret(a.getText('t'), '!!!')).toBeNull();
    expect(encodeCaret(a.getText('t'), 99)).toBe(encodeCaret(a.getText('t'), 3));
  });
});
