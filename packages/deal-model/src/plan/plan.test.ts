import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { sharedMaps } from '../shared-doc/index.ts';
import { exchangeUpdates, newDeal, twoPeers } from '../testing/two-peers.ts';
import {
  addVerifier,
  readPlan,
  removeVerifier,
  reorderVerifier,
  tickVerifier,
  untickVerifier,
  updateVerifier,
} from './plan.ts';

describe('plan verifiers', () => {
  it('adds, edits, reorders and removes a verifier within a stage', () => {
    const doc = newDeal();
    const id = addVerifier(doc, 'learn', { text: 'CFO shared the cost of downtime' });
    expect(readPlan(doc)[0]!.verifiers.at(-1)).toMatchObject({
      id,
      text: 'CFO shared the cost of downtime',
      done: false,
    });
    updateVerifier(doc, 'learn', id, { text: 'The CFO shared the cost of downtime' });
    reorderVerifier(doc, 'learn', id, 0);
    expect(readPlan(doc)[0]!.verifiers[0]).toMatchObject({ id, text: 'The CFO shared the cost of downtime' });
    removeVerifier(doc, 'learn', id);
    expect(readPlan(doc)[0]!.verifiers.some((v) => v.id === id)).toBe(false);
  });

  it('ticks with who and when, and unticks clearing both', () => {
    const doc = newDeal();
    const [first] = readPlan(doc)[0]!.verifiers;
    tickVerifier(doc, 'learn', first!.id, { by: 'Mara Jensen', at: '2025-03-01T10:00:00.000Z' });
    expect(readPlan(doc)[0]!.verifiers[0]).toMatchObject({
      done: true,
      doneBy: 'Mara Jensen',
      doneAt: '2025-03-01T10:00:00.000Z',
    });
    untickVerifier(doc, 'learn', first!.id);
    expect(readPlan(doc)[0]!.verifiers[0]).toMatchObject({ done: false, doneBy: null, doneAt: null });
    const verifiers = sharedMaps(doc).plan.get('learn')!.get('verifiers') as Y.Map<Y.Map<unknown>>;
    expect(verifiers.get(first!.id)!.get('doneBy')).toBeNull();
  });

  it('defaults doneAt to now', () => {
    const doc = newDeal();
    const [first] = readPlan(doc)[1]!.verifiers;
    tickVerifier(doc, 'understand-need', first!.id, { by: 'seller' });
    expect(Number.isNaN(Date.parse(readPlan(doc)[1]!.verifiers[0]!.doneAt!))).toBe(false);
  });

  it('marks a stage done only when it has verifiers and all are done', () => {
    const doc = newDeal();
    const learn = readPlan(doc)[0]!;
    for (const v of learn.verifiers) tickVerifier(doc, 'learn', v.id, { by: 'x' });
    expect(readPlan(doc)[0]!.done).toBe(true);
    for (const v of readPlan(doc)[1]!.verifiers) removeVerifier(doc, 'understand-need', v.id);
    expect(readPlan(doc)[1]!.done).toBe(false);
  });

  it('rejects unknown stages and verifiers', () => {
    const doc = newDeal();
    expect(() => addVerifier(doc, 'negotiate' as never, { text: 'x' })).toThrow(RangeError);
    expect(() => tickVerifier(doc, 'learn', 'ghost', { by: 'x' })).toThrow(/unknown verifier/);
  });

  it('creates a missing stage map on demand (a document not made by initSharedDoc)', () => {
    const doc = newDeal();
    sharedMaps(doc).plan.delete('validate-select');
    const id = addVerifier(doc, 'validate-select', { text: 'Signed' });
    expect(readPlan(doc)[4]!.verifiers.map((v) => v.id)).toEqual([id]);
  });

  it('a verifier ticked by one peer is ticked for the other', () => {
    const { seller, mobilizer } = twoPeers();
    const [first] = readPlan(mobilizer)[0]!.verifiers;
    tickVerifier(mobilizer, 'learn', first!.id, { by: 'Mara' });
    exchangeUpdates(seller, mobilizer);
    expect(readPlan(seller)[0]!.verifiers[0]).toMatchObject({ done: true, doneBy: 'Mara' });
  });
});
