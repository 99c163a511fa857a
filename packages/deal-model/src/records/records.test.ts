import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareOrdered, orderBetween } from './fractional-order.ts';
import { createRecord, orderedIds, reorderRecord, type YRecordMap } from './record-map.ts';
import { replaceText } from './text-edits.ts';

describe('orderBetween', () => {
  it('puts a position between, before or after neighbours', () => {
    expect(orderBetween(undefined, undefined)).toBe(1);
    expect(orderBetween(3, undefined)).toBe(4);
    expect(orderBetween(undefined, 3)).toBe(2);
    expect(orderBetween(1, 2)).toBe(1.5);
  });

  it('returns null when no double fits between the neighbours', () => {
    expect(orderBetween(1, 1 + Number.EPSILON)).toBeNull();
  });

  it('sorts equal orders by id, the same on every peer', () => {
    const list = [
      { id: 'b', order: 1 },
      { id: 'a', order: 1 },
      { id: 'c', order: 0 },
    ];
    expect(list.sort(compareOrdered).map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('reorderRecord', () => {
  const setup = (): { records: YRecordMap; ids: string[] } => {
    const doc = new Y.Doc();
    const records = doc.getMap<Y.Map<unknown>>('things');
    const ids = ['a', 'b', 'c', 'd'].map((name) => createRecord(records, { name }));
    return { records, ids };
  };

  it('moves a record to the front, the middle and the end', () => {
    const { records, ids } = setup();
    reorderRecord(records, ids[3]!, 'thing', 0);
    expect(orderedIds(records).map((e) => e.id)).toEqual([ids[3], ids[0], ids[1], ids[2]]);
    reorderRecord(records, ids[3]!, 'thing', 2);
    expect(orderedIds(records).map((e) => e.id)).toEqual([ids[0], ids[1], ids[3], ids[2]]);
    reorderRecord(records, ids[0]!, 'thing', 99);
    expect(orderedIds(records).map((e) => e.id)).toEqual([ids[1], ids[3], ids[2], ids[0]]);
  });

  it('changes only the moved record while there is room between neighbours', () => {
    const { records, ids } = setup();
    const before = orderedIds(records);
    reorderRecord(records, ids[0]!, 'thing', 2);
    const after = orderedIds(records);
    for (const id of [ids[1], ids[2], ids[3]]) {
      expect(after.find((e) => e.id === id)!.order).toBe(before.find((e) => e.id === id)!.order);
    }
  });

  it('renumbers the list when repeated moves exhaust the precision between two neighbours', () => {
    const { records, ids } = setup();
    for (let i = 0; i < 80; i++) reorderRecord(records, ids[i % 2 === 0 ? 2 : 3]!, 'thing', 1);
    const list = orderedIds(records);
    expect(new Set(list.map((e) => e.order)).size).toBe(4);
    expect(list[0]!.id).toBe(ids[0]);
    expect(list[1]!.id).toBe(ids[3]);
  });

  it('throws on an unknown id', () => {
    const { records } = setup();
    expect(() => reorderRecord(records, 'nope', 'thing', 0)).toThrow(/unknown thing/);
  });
});

describe('replaceText', () => {
  it('keeps a concurrent edit elsewhere in the text', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'The CFO wants cash flow.');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    replaceText(a.getText('t'), 'The CFO wants cash flow and ROI.');
    b.getText('t').insert(0, 'Note: ');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(a.getText('t').toString()).toBe('Note: The CFO wants cash flow and ROI.');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });

  it('handles prefix-only, suffix-only and total replacement', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    for (const value of ['abc', 'abcdef', 'xabcdef', 'xdef', '', 'new']) {
      replaceText(text, value);
      expect(text.toString()).toBe(value);
    }
  });
});
