import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addCriterion, setCriterionScore } from '../criteria/index.ts';
import { sharedMaps } from '../shared-doc/index.ts';
import { newDeal } from '../testing/two-peers.ts';
import { addOption, readOptions, removeOption, reorderOption, updateOption } from './options.ts';

describe('options', () => {
  it('adds options after the status quo, renames and reorders them', () => {
    const doc = newDeal();
    const ours = addOption(doc, { name: 'Our offer' });
    const rival = addOption(doc, { name: 'Rival' });
    expect(readOptions(doc).map((o) => o.name)).toEqual(['Do nothing (status quo)', 'Our offer', 'Rival']);
    updateOption(doc, ours, { name: 'Managed fleet' });
    reorderOption(doc, rival, 0);
    expect(readOptions(doc).map((o) => [o.name, o.isStatusQuo])).toEqual([
      ['Rival', false],
      ['Do nothing (status quo)', true],
      ['Managed fleet', false],
    ]);
  });

  it('removes an option with its scores in every criterion', () => {
    const doc = newDeal();
    const ours = addOption(doc, { name: 'Ours' });
    const statusQuo = readOptions(doc)[0]!.id;
    const criterion = addCriterion(doc, { name: 'TCO' });
    setCriterionScore(doc, criterion, ours, 4);
    setCriterionScore(doc, criterion, statusQuo, 2);
    removeOption(doc, ours);
    expect(readOptions(doc).map((o) => o.id)).toEqual([statusQuo]);
    const scores = sharedMaps(doc).criteria.get(criterion)!.get('scores') as Y.Map<number>;
    expect(scores.toJSON()).toEqual({ [statusQuo]: 2 });
  });

  it('never removes the status quo', () => {
    const doc = newDeal();
    const statusQuo = readOptions(doc)[0]!.id;
    expect(() => removeOption(doc, statusQuo)).toThrow(/status-quo/);
    expect(readOptions(doc)).toHaveLength(1);
  });
});
