import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  answerQualificationQuestion,
  clearGoNoGo,
  decideGoNoGo,
  ensureQualification,
  readQualification,
  updateBant,
} from './qualification.ts';
import { qualificationScore } from './qualification-score.ts';

describe('qualification (seller document)', () => {
  it('starts unknown, unanswered and undecided', () => {
    const doc = new Y.Doc();
    ensureQualification(doc);
    const q = readQualification(doc);
    expect(q.bant.budget).toEqual({ state: 'unknown', note: '' });
    expect(q.questions.margin).toEqual({ answer: null, note: '' });
    expect(q.decision).toEqual({ value: null, reason: '', by: null, at: null });
    expect(qualificationScore(q)).toMatchObject({ bantConfirmed: 0, bantUnknown: 4, score: 0, decision: null });
    expect(qualificationScore(q).open).toEqual([
      'Budget',
      'Authority',
      'Need',
      'Timeline',
      'Potential',
      'Strategic fit',
      'Margin',
      'Follow-on business',
    ]);
  });

  it('records BANT, seed 002’s questions and the go / no-go decision with its reason', () => {
    const doc = new Y.Doc();
    updateBant(doc, 'budget', { state: 'confirmed', note: 'Capex line approved' });
    updateBant(doc, 'authority', { state: 'confirmed' });
    updateBant(doc, 'need', { state: 'partial' });
    answerQualificationQuestion(doc, 'potential', { answer: 'yes', note: 'Three more sites' });
    answerQualificationQuestion(doc, 'margin', { answer: 'unsure' });
    answerQualificationQuestion(doc, 'followOn', { answer: 'no' });
    decideGoNoGo(doc, {
      value: 'no-go',
      reason: 'Margin below floor',
      by: 'Lena (manager)',
      at: '2025-04-01T09:00:00Z',
    });
    const q = readQualification(doc);
    expect(q.bant.budget).toEqual({ state: 'confirmed', note: 'Capex line approved' });
    expect(q.questions.potential).toEqual({ answer: 'yes', note: 'Three more sites' });
    expect(q.decision).toEqual({
      value: 'no-go',
      reason: 'Margin below floor',
      by: 'Lena (manager)',
      at: '2025-04-01T09:00:00Z',
    });
    // BANT (2+2+1)/8 × 2/3 + questions (1 + 0.5)/4 × 1/3 = 0.4167 + 0.125
    expect(qualificationScore(q)).toEqual({
      bantConfirmed: 2,
      bantPartial: 1,
      bantUnknown: 1,
      questionsYes: 1,
      questionsNo: 1,
      questionsUnsure: 1,
      open: ['Timeline', 'Strategic fit'],
      score: 54,
      decision: 'no-go',
    });
    clearGoNoGo(doc);
    expect(readQualification(doc).decision).toEqual({ value: null, reason: '', by: null, at: null });
  });

  it('refuses invalid values and a decision without a reason', () => {
    const doc = new Y.Doc();
    expect(() => updateBant(doc, 'money' as never, { state: 'confirmed' })).toThrow(/bant/);
    expect(() => updateBant(doc, 'need', { state: 'sure' as never })).toThrow(/bant.need.state/);
    expect(() => answerQualificationQuestion(doc, 'margin', { answer: 'maybe' as never })).toThrow(/margin/);
    expect(() => decideGoNoGo(doc, { value: 'go', reason: ' ', by: 'Lena' })).toThrow(/reason/);
    expect(() => decideGoNoGo(doc, { value: 'yes' as never, reason: 'r', by: 'Lena' })).toThrow(/decision.value/);
    expect(() => decideGoNoGo(doc, { value: 'go', reason: 'r', by: '' })).toThrow(/decision.by/);
    expect(readQualification(doc).decision.value).toBeNull();
  });
});
