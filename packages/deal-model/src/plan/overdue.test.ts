import { describe, expect, it } from 'vitest';
import { computeHealth } from '../status/health.ts';
import { computeStatus } from '../status/index.ts';
import { newDeal } from '../testing/two-peers.ts';
import { isOverdue, nextVerifierDue, overdueVerifiers } from './overdue.ts';
import { addVerifier, isIsoDate, readPlan, tickVerifier, updateVerifier } from './plan.ts';

describe('the mutual plan: owners, due dates, overdue verifiers', () => {
  it('stores an owner and a due date, and refuses a bad date naming the field', () => {
    const doc = newDeal();
    const id = addVerifier(doc, 'learn', { text: 'CFO shared the cost of downtime' });
    updateVerifier(doc, 'learn', id, { owner: 'stakeholder-1', dueDate: '2026-03-01' });
    expect(readPlan(doc)[0]!.verifiers.find((v) => v.id === id)).toMatchObject({
      owner: 'stakeholder-1',
      dueDate: '2026-03-01',
    });
    expect(() => updateVerifier(doc, 'learn', id, { dueDate: '2026-02-30' })).toThrow(/^dueDate/);
    expect(() => updateVerifier(doc, 'learn', id, { dueDate: 'tomorrow' })).toThrow(/^dueDate/);
    expect(() => updateVerifier(doc, 'learn', id, { owner: ' ' })).toThrow(/^owner/);
    updateVerifier(doc, 'learn', id, { owner: null, dueDate: null });
    expect(readPlan(doc)[0]!.verifiers.find((v) => v.id === id)).toMatchObject({ owner: null, dueDate: null });
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('counts a verifier overdue after its due date until it is done; due today is not overdue', () => {
    expect(isOverdue({ done: false, dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ done: false, dueDate: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ done: true, dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ done: false, dueDate: null }, '2026-03-02')).toBe(false);

    const doc = newDeal();
    const late = addVerifier(doc, 'understand-need', { text: 'Late' });
    const ticked = addVerifier(doc, 'learn', { text: 'Ticked' });
    const later = addVerifier(doc, 'learn', { text: 'Later' });
    updateVerifier(doc, 'understand-need', late, { dueDate: '2026-02-20' });
    updateVerifier(doc, 'learn', ticked, { dueDate: '2026-02-01' });
    updateVerifier(doc, 'learn', later, { dueDate: '2026-04-01' });
    tickVerifier(doc, 'learn', ticked, { by: 'Mara' });
    const overdue = overdueVerifiers(readPlan(doc), '2026-03-02');
    expect(overdue.map((o) => [o.stageId, o.verifier.id, o.daysOverdue])).toEqual([['understand-need', late, 10]]);
    expect(nextVerifierDue(readPlan(doc))).toBe('2026-02-20');
  });

  it('lowers health by a documented factor with a risk that names its source in words', () => {
    const base = {
      stakeholders: [],
      criteria: [],
      options: [],
      optionScores: [],
      objections: [],
      consensus: { value: 1, compared: 0, disputed: [] },
      stageIndex: 1,
    } as unknown as Parameters<typeof computeHealth>[0];
    const none = computeHealth(base);
    const two = computeHealth({ ...base, overdueVerifiers: 2 });
    const many = computeHealth({ ...base, overdueVerifiers: 20 });
    expect(none.factors.some((f) => f.code === 'overdue-verifiers')).toBe(false);
    expect(two.factors.find((f) => f.code === 'overdue-verifiers')?.effect).toBe(0.92);
    expect(many.factors.find((f) => f.code === 'overdue-verifiers')?.effect).toBe(0.8);
    expect(two.health).toBeLessThan(none.health);
    const risk = two.risks.find((r) => r.code === 'overdue-verifiers')!;
    expect(risk.message).toMatch(/2 verifiers are past their due date/);
    expect(risk.source).toMatch(/mutual plan/);
    expect(risk.source).not.toMatch(/\.md|seeds?\//);
  });

  it('reports overdue verifiers and the next due date in the status, against the given day', () => {
    const doc = newDeal();
    const id = addVerifier(doc, 'learn', { text: 'Late' });
    updateVerifier(doc, 'learn', id, { dueDate: '2026-02-20' });
    expect(computeStatus(doc, null, { today: '2026-02-20' })).toMatchObject({
      overdueVerifiers: 0,
      nextVerifierDue: '2026-02-20',
    });
    const status = computeStatus(doc, null, { today: '2026-02-21' });
    expect(status.overdueVerifiers).toBe(1);
    expect(status.risks.some((r) => r.code === 'overdue-verifiers')).toBe(true);
  });
});
