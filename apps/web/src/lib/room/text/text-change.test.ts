import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { transformPosition } from './caret.ts';
import { textChange } from './text-change.ts';

describe('textChange', () => {
  it('places a repeated character where the caret says it was typed', () => {
    expect(textChange('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(textChange('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
  });

  it('finds a replaced selection and a backspace', () => {
    expect(textChange('hello world', 'hello there', 11)).toEqual({ index: 6, remove: 5, insert: 'there' });
    expect(textChange('abc', 'ac', 1)).toEqual({ index: 1, remove: 1, insert: '' });
    expect(textChange('same', 'same', 2)).toBeNull();
  });

  it('turns any edit into a splice that reproduces the new text', () => {
    const cases: Array<[string, string, number]> = [
      ['', 'x', 1],
      ['abcabc', 'abXcabc', 3],
      ['abcabc', 'abc', 3],
      ['aaaa', 'aa', 1],
      ['the cat', 'the black cat', 10],
    ];
    for (const [before, after, caret] of cases) {
      const change = textChange(before, after, caret)!;
      const rebuilt = before.slice(0, change.index) + change.insert + before.slice(change.index + change.remove);
      expect(rebuilt).toBe(after);
    }
  });
});

describe('two people typing into one Y.Text', () => {
  it('keeps both people’s words when each applies their own input splice', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'Price is the issue.');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const apply = (doc: Y.Doc, before: string, after: string, caret: number) => {
      const change = textChange(before, after, caret)!;
      const text = doc.getText('t');
      text.delete(change.index, change.remove);
      text.insert(change.index, change.insert);
    };
    apply(a, 'Price is the issue.', 'Price is the real issue.', 14);
    apply(b, 'Price is the issue.', 'Price is the issue. Budget is fixed.', 36);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('t').toString()).toBe('Price is the real issue. Budget is fixed.');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });
});

describe('transformPosition', () => {
  it('shifts a caret after a remote insert or delete before it, and leaves it for edits after it', () => {
    expect(transformPosition(5, [{ insert: 'abc' }])).toBe(8);
    expect(transformPosition(5, [{ retain: 2 }, { delete: 2 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 7 }, { insert: 'x' }])).toBe(5);
    expect(transformPosition(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
  });

  it('keeps a caret in front of text inserted exactly at it unless told to move', () => {
    expect(transformPosition(4, [{ retain: 4 }, { insert: 'zz' }])).toBe(4);
    expect(transformPosition(4, [{ retain: 4 }, { insert: 'zz' }], { moveOnInsert: true })).toBe(6);
  });

  it('follows the character it sat on through a real Yjs event', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'hello world');
    const caret = text.toString().indexOf('world');
    let moved = -1;
    text.observe((event) => {
      moved = transformPosition(caret, event.delta);
    });
    doc.transact(() => {
      text.insert(0, 'Oh, ');
      text.delete(4 + 5, 1); // the space between the words
    });
    expect(text.toString().slice(moved)).toBe('world');
  });
});
