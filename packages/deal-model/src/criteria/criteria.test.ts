import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOption, readOptions, removeOption } from '../options/index.ts';
import { sharedMaps } from '../shared-doc/index.ts';
import { addStakeholder } from '../stakeholders/index.ts';
import { exchangeUpdates, newDeal, twoPeers } from '../testing/two-peers.ts';
import {
  addCriterion,
  criterionDescription,
  readCriteria,
  removeCriterion,
  reorderCriterion,
  setCriterionScore,
  setStakeholderWeight,
  updateCriterion,
} from './criteria.ts';
import { scoreOptions } from './option-scores.ts';

describe('criteria', () => {
  it('adds a criterion with Y.Text description and Y.Map scores and weights', () => {
    const doc = newDeal();
    const id = addCriterion(doc, { name: 'TCO', description: 'Four years' });
    const record = sharedMaps(doc).criteria.get(id)!;
    expect(record.get('description')).toBeInstanceOf(Y.Text);
    expect(record.get('scores')).toBeInstanceOf(Y.Map);
    expect(record.get('weightsByStakeholder')).toBeInstanceOf(Y.Map);
    expect(readCriteria(doc)).toEqual([
      {
        id,
        name: 'TCO',
        description: 'Four years',
        weight: 50,
        kind: 'formal',
        mandatory: false,
        owner: null,
        scores: {},
        weightsByStakeholder: {},
        order: 1,
      },
    ]);
  });

  it('updates, scores, weights, reorders and removes', () => {
    const doc = newDeal();
    const cfo = addStakeholder(doc, { name: 'CFO' });
    const statusQuo = readOptions(doc)[0]!.id;
    const a = addCriterion(doc, { name: 'A' });
    const b = addCriterion(doc, { name: 'B' });
    updateCriterion(doc, a, { weight: 30, kind: 'informal', mandatory: true, owner: cfo, description: 'why' });
    setCriterionScore(doc, a, statusQuo, 3);
    setStakeholderWeight(doc, a, cfo, 70);
    reorderCriterion(doc, b, 0);
    const [first, second] = readCriteria(doc);
    expect(first!.id).toBe(b);
    expect(second).toMatchObject({
      weight: 30,
      kind: 'informal',
      mandatory: true,
      owner: cfo,
      description: 'why',
      scores: { [statusQuo]: 3 },
      weightsByStakeholder: { [cfo]: 70 },
    });
    expect(criterionDescription(doc, a).toString()).toBe('why');
    setCriterionScore(doc, a, statusQuo, null);
    setStakeholderWeight(doc, a, cfo, null);
    expect(readCriteria(doc)[1]).toMatchObject({ scores: {}, weightsByStakeholder: {} });
    removeCriterion(doc, b);
    expect(readCriteria(doc).map((c) => c.id)).toEqual([a]);
  });

  it('rejects out-of-range scores and weights and unknown references', () => {
    const doc = newDeal();
    const statusQuo = readOptions(doc)[0]!.id;
    const id = addCriterion(doc, { name: 'A' });
    expect(() => setCriterionScore(doc, id, statusQuo, 6)).toThrow(RangeError);
    expect(() => setCriterionScore(doc, id, 'nope', 3)).toThrow(/unknown option/);
    expect(() => setStakeholderWeight(doc, id, 'nope', 30)).toThrow(/unknown stakeholder/);
    expect(() => updateCriterion(doc, id, { weight: 101 })).toThrow(RangeError);
    expect(() => updateCriterion(doc, id, { owner: 'nope' })).toThrow(RangeError);
    expect(() => addCriterion(doc, { name: 'B', kind: 'secret' as never })).toThrow(RangeError);
  });

  it('drops scores of an option removed concurrently with a scoring', () => {
    const { seller, mobilizer } = twoPeers();
    const ours = addOption(seller, { name: 'Ours' });
    const id = addCriterion(seller, { name: 'TCO' });
    exchangeUpdates(seller, mobilizer);
    removeOption(seller, ours);
    setCriterionScore(mobilizer, id, ours, 5);
    exchangeUpdates(seller, mobilizer);
    expect(readCriteria(seller)[0]!.scores).toEqual({});
    expect(readCriteria(seller)).toEqual(readCriteria(mobilizer));
  });

  it('keeps both peers’ concurrent weights for the same criterion', () => {
    const { seller, mobilizer } = twoPeers();
    const cfo = addStakeholder(seller, { name: 'CFO' });
    const ceo = addStakeholder(seller, { name: 'CEO' });
    const id = addCriterion(seller, { name: 'TCO' });
    exchangeUpdates(seller, mobilizer);
    setStakeholderWeight(seller, id, cfo, 80);
    setStakeholderWeight(mobilizer, id, ceo, 20);
    exchangeUpdates(seller, mobilizer);
    expect(readCriteria(mobilizer)[0]!.weightsByStakeholder).toEqual({ [cfo]: 80, [ceo]: 20 });
  });
});

describe('scoreOptions', () => {
  it('computes weighted totals and flags mandatory criteria an option fails', () => {
    const doc = newDeal();
    const statusQuo = readOptions(doc)[0]!.id;
    const ours = addOption(doc, { name: 'Ours' });
    const tco = addCriterion(doc, { name: 'TCO', weight: 75 });
    const policy = addCriterion(doc, { name: 'Policy', weight: 25, mandatory: true });
    setCriterionScore(doc, tco, statusQuo, 4);
    setCriterionScore(doc, tco, ours, 3);
    setCriterionScore(doc, policy, statusQuo, 0);
    setCriterionScore(doc, policy, ours, 5);
    const [sq, o] = scoreOptions(readCriteria(doc), readOptions(doc));
    expect(sq).toEqual({ optionId: statusQuo, total: 3, scored: 2, failsMandatory: [policy] });
    expect(o).toEqual({ optionId: ours, total: 3.5, scored: 2, failsMandatory: [] });
  });

  it('gives 0 with no criteria or only zero weights', () => {
    const doc = newDeal();
    expect(scoreOptions(readCriteria(doc), readOptions(doc))[0]!.total).toBe(0);
  });
});
