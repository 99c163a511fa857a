import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCriterion,
  readCriteria,
  removeCriterion,
  SelfReportedWeightError,
  setStakeholderWeight,
} from '../criteria/index.ts';
import { repairReferences, sharedMaps } from '../shared-doc/index.ts';
import { addStakeholder, removeStakeholder } from '../stakeholders/index.ts';
import { exchangeUpdates, newDeal, twoPeers } from '../testing/two-peers.ts';
import { VOICE_CONCERNS_MAX, VOICE_MISSING_MAX, validateVoiceInput } from './voice-input.ts';
import { readVoice, readVoices, submitVoice, weightSource } from './voices.ts';

const AT = '2025-03-17T10:00:00.000Z';

function deal(): { doc: Y.Doc; cfo: string; ceo: string; cost: string; productivity: string } {
  const doc = newDeal();
  const cfo = addStakeholder(doc, { name: 'Anna', title: 'CFO' });
  const ceo = addStakeholder(doc, { name: 'Henrik', title: 'CEO' });
  const cost = addCriterion(doc, { name: 'Cost' });
  const productivity = addCriterion(doc, { name: 'Productivity' });
  return { doc, cfo, ceo, cost, productivity };
}

describe('submitVoice', () => {
  it('stores the answer in voices and each weight in the criterion’s weightsByStakeholder, in one transaction', () => {
    const { doc, cfo, cost, productivity } = deal();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const voice = submitVoice(doc, cfo, {
      weights: { [cost]: 60, [productivity]: 10 },
      concerns: '  Cash flow before the board meeting. ',
      missing: 'Repair turnaround',
      submittedAt: AT,
    });
    expect(transactions).toBe(1);
    expect(voice).toEqual({
      stakeholderId: cfo,
      weights: { [cost]: 60, [productivity]: 10 },
      concerns: 'Cash flow before the board meeting.',
      missing: 'Repair turnaround',
      submittedAt: AT,
      via: 'link',
    });
    const record = sharedMaps(doc).voices.get(cfo)!;
    expect(record.get('weights')).toBeInstanceOf(Y.Map);
    expect(record.get('via')).toBe('link');
    expect(readVoices(doc)).toEqual([voice]);
    expect(readVoice(doc, cfo)).toEqual(voice);
    const weights = Object.fromEntries(readCriteria(doc).map((c) => [c.name, c.weightsByStakeholder]));
    expect(weights).toEqual({ Cost: { [cfo]: 60 }, Productivity: { [cfo]: 10 } });
    expect(weightSource(doc, cost, cfo)).toBe('self-reported');
  });

  it('replaces the earlier answer; a weight no longer given is withdrawn unless someone changed it since', () => {
    const { doc, cfo, cost, productivity } = deal();
    const extra = addCriterion(doc, { name: 'Security' });
    submitVoice(doc, cfo, {
      weights: { [cost]: 60, [productivity]: 10, [extra]: 30 },
      concerns: 'old',
      submittedAt: AT,
    });
    setStakeholderWeight(doc, extra, cfo, 45, { overrideSelfReported: true });
    submitVoice(doc, cfo, { weights: { [cost]: 70 }, submittedAt: '2025-03-18T10:00:00.000Z' });
    expect(readVoice(doc, cfo)).toMatchObject({ weights: { [cost]: 70 }, concerns: '', missing: '' });
    const byName = Object.fromEntries(readCriteria(doc).map((c) => [c.name, c.weightsByStakeholder]));
    expect(byName).toEqual({ Cost: { [cfo]: 70 }, Productivity: {}, Security: { [cfo]: 45 } });
    expect(weightSource(doc, extra, cfo)).toBe('estimate');
  });

  it('replaces an estimate typed in the room: the stakeholder’s own word wins', () => {
    const { doc, cfo, cost } = deal();
    setStakeholderWeight(doc, cost, cfo, 20);
    expect(weightSource(doc, cost, cfo)).toBe('estimate');
    submitVoice(doc, cfo, { weights: { [cost]: 60 }, submittedAt: AT });
    expect(weightSource(doc, cost, cfo)).toBe('self-reported');
  });

  it('refuses invalid answers with a RangeError naming the field, and writes nothing', () => {
    const { doc, cfo, cost } = deal();
    const before = Y.encodeStateVector(doc);
    expect(() => submitVoice(doc, 'nobody', { weights: { [cost]: 1 } })).toThrow(/unknown stakeholder: nobody/);
    expect(() => submitVoice(doc, cfo, { weights: { [cost]: 50, ghost: 3 } })).toThrow(
      /weights\.ghost: unknown criterion ghost/,
    );
    expect(() => submitVoice(doc, cfo, { weights: { [cost]: 50.5 } })).toThrow(new RegExp(`weights\\.${cost}: `));
    expect(() => submitVoice(doc, cfo, { weights: { [cost]: 101 } })).toThrow(RangeError);
    expect(() => submitVoice(doc, cfo, { weights: { [cost]: -1 } })).toThrow(RangeError);
    expect(() => submitVoice(doc, cfo, { weights: {}, concerns: 'x'.repeat(VOICE_CONCERNS_MAX + 1) })).toThrow(
      /^concerns: /,
    );
    expect(() => submitVoice(doc, cfo, { weights: {}, missing: 'x'.repeat(VOICE_MISSING_MAX + 1) })).toThrow(
      /^missing: /,
    );
    expect(() => submitVoice(doc, cfo, { weights: { [cost]: 5 }, submittedAt: 'yesterday' })).toThrow(/submittedAt/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readVoices(doc)).toEqual([]);
  });

  it('accepts the longest allowed texts', () => {
    const { doc, cfo } = deal();
    submitVoice(doc, cfo, {
      weights: {},
      concerns: 'c'.repeat(VOICE_CONCERNS_MAX),
      missing: 'm'.repeat(VOICE_MISSING_MAX),
    });
    expect(readVoice(doc, cfo)!.concerns).toHaveLength(4000);
    expect(Date.parse(readVoice(doc, cfo)!.submittedAt)).not.toBeNaN();
  });
});

describe('validateVoiceInput', () => {
  const ids = ['c1', 'c2'];

  it('returns the answer: whole weights 0–100 for known criteria, trimmed texts', () => {
    expect(validateVoiceInput({ weights: { c1: 0, c2: 100 }, concerns: ' a ', extra: true }, ids)).toEqual({
      ok: true,
      value: { weights: { c1: 0, c2: 100 }, concerns: 'a', missing: '' },
    });
    expect(validateVoiceInput({ missing: 'Repairs' }, ids)).toMatchObject({ ok: true });
  });

  it('names the field that is wrong', () => {
    const cases: [unknown, string][] = [
      [null, 'body'],
      [[], 'body'],
      [{ weights: [1] }, 'weights'],
      [{ weights: { c3: 5 } }, 'weights.c3'],
      [{ weights: { c1: '50' } }, 'weights.c1'],
      [{ weights: { c1: 7.5 } }, 'weights.c1'],
      [{ weights: { c2: 101 } }, 'weights.c2'],
      [{ weights: { c1: 5 }, concerns: 42 }, 'concerns'],
      [{ weights: { c1: 5 }, concerns: 'x'.repeat(4001) }, 'concerns'],
      [{ weights: { c1: 5 }, missing: 'x'.repeat(1001) }, 'missing'],
      [{ weights: {}, concerns: '   ' }, 'weights'],
    ];
    for (const [input, field] of cases) {
      const result = validateVoiceInput(input, ids);
      expect(result, JSON.stringify(input)?.slice(0, 40)).toMatchObject({ ok: false, field });
      if (!result.ok) expect(result.message).not.toBe('');
    }
  });

  it('reads a form: digit strings are weights, empty fields are unanswered', () => {
    expect(validateVoiceInput({ weights: { c1: '40', c2: '' } }, ids, { fromForm: true })).toEqual({
      ok: true,
      value: { weights: { c1: 40 }, concerns: '', missing: '' },
    });
    expect(validateVoiceInput({ weights: { c1: '4.5' } }, ids, { fromForm: true })).toMatchObject({
      ok: false,
      field: 'weights.c1',
    });
  });
});

describe('self-reported weights', () => {
  it('an estimate never silently replaces a self-reported weight', () => {
    const { doc, cfo, ceo, cost } = deal();
    submitVoice(doc, cfo, { weights: { [cost]: 60 }, submittedAt: AT });
    let error: unknown;
    try {
      setStakeholderWeight(doc, cost, cfo, 30);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SelfReportedWeightError);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toContain('Anna gave this criterion the weight 60 in their own answer');
    expect(error).toMatchObject({
      name: 'SelfReportedWeightError',
      criterionId: cost,
      stakeholderId: cfo,
      selfReported: 60,
      weight: 30,
    });
    expect(() => setStakeholderWeight(doc, cost, cfo, null)).toThrow(SelfReportedWeightError);
    setStakeholderWeight(doc, cost, cfo, 60);
    expect(weightSource(doc, cost, cfo)).toBe('self-reported');
    setStakeholderWeight(doc, cost, ceo, 10);
    setStakeholderWeight(doc, cost, ceo, 15);
    expect(weightSource(doc, cost, ceo)).toBe('estimate');
    setStakeholderWeight(doc, cost, cfo, 30, { overrideSelfReported: true });
    expect(readCriteria(doc)[0]!.weightsByStakeholder[cfo]).toBe(30);
    expect(weightSource(doc, cost, cfo)).toBe('estimate');
    expect(readVoice(doc, cfo)!.weights[cost]).toBe(60);
    setStakeholderWeight(doc, cost, cfo, 45);
    expect(weightSource(doc, 'nope', cfo)).toBeNull();
    expect(weightSource(doc, cost, 'nobody')).toBeNull();
  });
});

describe('removal cascades', () => {
  it('removing a stakeholder removes their answer; removing a criterion removes it from every answer', () => {
    const { doc, cfo, ceo, cost, productivity } = deal();
    submitVoice(doc, cfo, { weights: { [cost]: 60, [productivity]: 10 }, submittedAt: AT });
    submitVoice(doc, ceo, { weights: { [cost]: 10, [productivity]: 55 }, submittedAt: AT });
    removeStakeholder(doc, cfo);
    expect(sharedMaps(doc).voices.has(cfo)).toBe(false);
    removeCriterion(doc, cost);
    expect([...(sharedMaps(doc).voices.get(ceo)!.get('weights') as Y.Map<number>).keys()]).toEqual([productivity]);
    expect(readVoices(doc)).toMatchObject([{ stakeholderId: ceo, weights: { [productivity]: 55 } }]);
  });

  it('an answer arriving while a peer removes its criterion or its stakeholder is cleaned up by repairReferences', () => {
    const { seller, mobilizer } = twoPeers();
    const anna = addStakeholder(seller, { name: 'Anna' });
    const petra = addStakeholder(seller, { name: 'Petra' });
    const cost = addCriterion(seller, { name: 'Cost' });
    const speed = addCriterion(seller, { name: 'Speed' });
    exchangeUpdates(seller, mobilizer);
    submitVoice(seller, anna, { weights: { [cost]: 60, [speed]: 20 }, submittedAt: AT });
    submitVoice(seller, petra, { weights: { [cost]: 30 }, submittedAt: AT });
    removeCriterion(mobilizer, cost);
    removeStakeholder(mobilizer, petra);
    exchangeUpdates(seller, mobilizer);
    expect(readVoices(mobilizer)).toEqual([
      { stakeholderId: anna, weights: { [speed]: 20 }, concerns: '', missing: '', submittedAt: AT, via: 'link' },
    ]);
    expect(repairReferences(mobilizer)).toBeGreaterThanOrEqual(2);
    exchangeUpdates(seller, mobilizer);
    expect(sharedMaps(seller).voices.has(petra)).toBe(false);
    expect([...(sharedMaps(seller).voices.get(anna)!.get('weights') as Y.Map<number>).keys()]).toEqual([speed]);
    expect(repairReferences(seller)).toBe(0);
  });
});
