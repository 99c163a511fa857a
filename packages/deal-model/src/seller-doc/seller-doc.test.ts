import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, removeNode } from '../mental-model/index.ts';
import { updateMobilizerTest } from '../mobilizer-test/index.ts';
import { notesText, setNotes, setStakeholderNote, stakeholderNoteText } from '../private-notes/index.ts';
import { readQualification } from '../qualification/index.ts';
import { newDeal } from '../testing/two-peers.ts';
import { hasBlockerPlan, readBlockerPlan, removeBlockerPlan, updateBlockerPlan } from './blocker-plans.ts';
import { insightText, readInsight, readInsightBreaks, setInsightBreaks, updateInsight } from './insight.ts';
import { forgetStakeholderInSellerDoc, initSellerDoc, readSellerDoc } from './seller-doc.ts';

describe('seller document', () => {
  it('starts empty with the insight as three Y.Texts', () => {
    const doc = new Y.Doc();
    initSellerDoc(doc);
    initSellerDoc(doc);
    expect(doc.getMap('insight').get('problem')).toBeInstanceOf(Y.Text);
    expect(readSellerDoc(doc)).toEqual({
      notes: '',
      stakeholderNotes: {},
      blockerPlans: {},
      insight: { problem: '', missing: '', approach: '' },
      insightBreaks: [],
      mobilizerTests: {},
      qualification: readQualification(new Y.Doc()),
    });
    expect(doc.getMap('insight').get('breaksNodeIds')).toBeInstanceOf(Y.Array);
    expect(readSellerDoc(doc).qualification.decision).toEqual({ value: null, reason: '', by: null, at: null });
  });

  it('keeps notes, stakeholder notes and the insight as collaborative text', () => {
    const doc = new Y.Doc();
    initSellerDoc(doc);
    setNotes(doc, 'Budget closes in November');
    setStakeholderNote(doc, 'cfo', 'Burned by a lease');
    updateInsight(doc, { problem: 'p', approach: 'a' });
    expect(notesText(doc).toString()).toBe('Budget closes in November');
    expect(stakeholderNoteText(doc, 'cfo').toString()).toBe('Burned by a lease');
    expect(insightText(doc, 'missing').toString()).toBe('');
    expect(readInsight(doc)).toEqual({ problem: 'p', missing: '', approach: 'a' });
    updateMobilizerTest(doc, 'cfo', { insightReaction: 'engaged' });
    forgetStakeholderInSellerDoc(doc, 'cfo');
    expect(readSellerDoc(doc).stakeholderNotes).toEqual({});
    expect(readSellerDoc(doc).mobilizerTests).toEqual({});
  });
});

describe('Blocker plans', () => {
  it('derives the action from seed 003’s three questions, in order', () => {
    const doc = new Y.Doc();
    updateBlockerPlan(doc, 'b', { persuadableByOthers: true });
    expect(readBlockerPlan(doc, 'b')!.action).toBe('social-pressure');
    updateBlockerPlan(doc, 'b', { persuadableByOthers: false, reasonable: true });
    expect(readBlockerPlan(doc, 'b')!.action).toBe('approach-directly');
    updateBlockerPlan(doc, 'b', { reasonable: false, specialConcern: 'Audit findings' });
    expect(readBlockerPlan(doc, 'b')!.action).toBe('targeted-concession');
    updateBlockerPlan(doc, 'b', { specialConcern: '' });
    expect(readBlockerPlan(doc, 'b')).toEqual({
      stakeholderId: 'b',
      persuadableByOthers: false,
      reasonable: false,
      specialConcern: '',
      action: 'none',
    });
    expect(hasBlockerPlan(readBlockerPlan(doc, 'b'))).toBe(false);
  });

  it('keeps an explicitly chosen action', () => {
    const doc = new Y.Doc();
    updateBlockerPlan(doc, 'b', { persuadableByOthers: true, action: 'approach-directly' });
    expect(readBlockerPlan(doc, 'b')!.action).toBe('approach-directly');
    expect(hasBlockerPlan(readBlockerPlan(doc, 'b'))).toBe(true);
    updateBlockerPlan(doc, 'b', { action: null });
    expect(hasBlockerPlan(readBlockerPlan(doc, 'b'))).toBe(false);
    expect(() => updateBlockerPlan(doc, 'b', { action: 'bribe' as never })).toThrow(RangeError);
    removeBlockerPlan(doc, 'b');
    expect(readBlockerPlan(doc, 'b')).toBeUndefined();
  });
});

describe('the insight breaks beliefs of the current mental model', () => {
  it('names the beliefs of A it breaks, checked against the shared document when given', () => {
    const shared = newDeal();
    const seller = new Y.Doc();
    initSellerDoc(seller);
    const unitPrice = addNode(shared, 'current', { text: 'Laptops are judged by unit price', importance: 5 });
    const fourYears = addNode(shared, 'current', { text: 'A laptop lasts four years' });
    const inB = addNode(shared, 'agreed', { text: 'Working time is what we buy' });
    setInsightBreaks(seller, [unitPrice, fourYears, unitPrice], { shared });
    expect(readInsightBreaks(seller)).toEqual([unitPrice, fourYears]);
    expect(() => setInsightBreaks(seller, [inB], { shared })).toThrow(/unknown belief of the current model/);
    expect(readInsightBreaks(seller)).toEqual([unitPrice, fourYears]);
    removeNode(shared, 'current', fourYears);
    expect(readInsightBreaks(seller, shared)).toEqual([unitPrice]);
    expect(readSellerDoc(seller).insightBreaks).toEqual([unitPrice, fourYears]);
  });
});
