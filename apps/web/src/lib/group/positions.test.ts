import {
  computeStatus,
  readCriteria,
  readStakeholders,
  readVoices,
  seedSampleDeal,
  setStakeholderWeight,
  weightSource,
} from '@quorum/deal-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { endLabel, positionsOf, selfReportedIds } from './positions.ts';

describe('positionsOf', () => {
  it('lists who stands where on the sample’s widest disconnect, lowest first, with the source the document gives', () => {
    const doc = new Y.Doc();
    const ids = seedSampleDeal(doc);
    const widest = computeStatus(doc).disconnects[0]!;
    const criterion = readCriteria(doc).find((c) => c.id === widest.criterionId)!;
    const positions = positionsOf(criterion, readVoices(doc), readStakeholders(doc));

    expect(criterion.id).toBe(ids.productivity);
    expect(positions[0]).toMatchObject({
      stakeholderId: ids.cfo,
      name: 'Anna Kowalski',
      weight: 10,
      source: 'self-reported',
    });
    expect(positions.at(-1)).toMatchObject({ stakeholderId: ids.users, weight: 70, source: 'self-reported' });
    for (const p of positions) expect(p.source).toBe(weightSource(doc, criterion.id, p.stakeholderId));
    expect(endLabel(positions, widest.min)).toBe('Anna Kowalski (10)');
  });

  it('calls a weight typed in the room over someone’s answer an estimate', () => {
    const doc = new Y.Doc();
    const ids = seedSampleDeal(doc);
    setStakeholderWeight(doc, ids.tco, ids.cfo, 35, { overrideSelfReported: true });
    const criterion = readCriteria(doc).find((c) => c.id === ids.tco)!;
    const positions = positionsOf(criterion, readVoices(doc), readStakeholders(doc));
    expect(positions.find((p) => p.stakeholderId === ids.cfo)?.source).toBe('estimate');
    expect(selfReportedIds(positions).has(ids.cfo)).toBe(false);
    expect(selfReportedIds(positions).has(ids.ceo)).toBe(true);
  });

  it('names everyone tied at one end', () => {
    const positions = [
      { stakeholderId: 'a', name: 'Henrik Dahl', weight: 10, source: 'estimate' as const },
      { stakeholderId: 'b', name: 'Mara Jensen', weight: 10, source: 'estimate' as const },
      { stakeholderId: 'c', name: 'Sam Okafor', weight: 10, source: 'self-reported' as const },
    ];
    expect(endLabel(positions, 10)).toBe('Henrik Dahl, Mara Jensen and Sam Okafor (10)');
  });
});
