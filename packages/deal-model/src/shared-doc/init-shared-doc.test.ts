import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readOptions } from '../options/index.ts';
import { readPlan } from '../plan/index.ts';
import { PLAN_STAGE_IDS, SUGGESTED_VERIFIERS } from '../vocabulary/index.ts';
import { initSharedDoc } from './init-shared-doc.ts';
import { readMeta, updateMeta } from './meta.ts';

describe('initSharedDoc', () => {
  it('writes meta with schemaVersion 1', () => {
    const doc = new Y.Doc();
    expect(initSharedDoc(doc, { title: 'Laptop refresh', buyer: 'Nordwind', seller: 'Acme' })).toBe(true);
    expect(readMeta(doc)).toEqual({ title: 'Laptop refresh', buyer: 'Nordwind', seller: 'Acme', schemaVersion: 1 });
  });

  it('creates the five stages in order, each with suggested customer verifiers, none done', () => {
    const doc = new Y.Doc();
    initSharedDoc(doc, { title: 't', buyer: 'b' });
    const plan = readPlan(doc);
    expect(plan.map((s) => s.id)).toEqual([...PLAN_STAGE_IDS]);
    for (const stage of plan) {
      expect(stage.verifiers.map((v) => v.text)).toEqual([...SUGGESTED_VERIFIERS[stage.id]]);
      expect(stage.verifiers.every((v) => !v.done && v.doneBy === null)).toBe(true);
      expect(stage.done).toBe(false);
    }
  });

  it('creates the status-quo option', () => {
    const doc = new Y.Doc();
    initSharedDoc(doc, { title: 't', buyer: 'b' });
    expect(readOptions(doc)).toMatchObject([{ name: 'Do nothing (status quo)', isStatusQuo: true }]);
  });

  it('is one transaction, and does nothing on an initialised document', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    initSharedDoc(doc, { title: 't', buyer: 'b' });
    expect(updates).toBe(1);
    expect(initSharedDoc(doc, { title: 'other', buyer: 'x' })).toBe(false);
    expect(readMeta(doc).title).toBe('t');
    expect(readOptions(doc)).toHaveLength(1);
  });

  it('can skip the suggested verifiers; meta can be edited', () => {
    const doc = new Y.Doc();
    initSharedDoc(doc, { title: 't', buyer: 'b', suggestedVerifiers: false });
    expect(readPlan(doc).every((s) => s.verifiers.length === 0)).toBe(true);
    updateMeta(doc, { title: 'Renamed' });
    expect(readMeta(doc)).toMatchObject({ title: 'Renamed', buyer: 'b' });
  });
});
