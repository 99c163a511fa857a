import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCriteria } from '../criteria/index.ts';
import { readGuides } from '../guides/index.ts';
import { readOptions } from '../options/index.ts';
import { readPlan } from '../plan/index.ts';
import { readRelationships } from '../relationships/index.ts';
import { readSellerDoc } from '../seller-doc/index.ts';
import { readMeta } from '../shared-doc/index.ts';
import { readStakeholders } from '../stakeholders/index.ts';
import { seedSampleDeal } from './sample-deal.ts';

describe('seedSampleDeal', () => {
  it('builds seed 000’s laptop buying group with criteria, weights, objections and a guide', () => {
    const shared = new Y.Doc();
    const ids = seedSampleDeal(shared);
    expect(readMeta(shared).schemaVersion).toBe(1);
    const people = readStakeholders(shared);
    expect(people.map((p) => p.title)).toEqual(
      expect.arrayContaining(['Chief Financial Officer', 'Chief Executive Officer', 'Chair, Corporate IT Board']),
    );
    expect(people.find((p) => p.id === ids.mobilizer)).toMatchObject({ group: 'mobilizer', stance: 2 });
    expect(people.find((p) => p.id === ids.itBoard)).toMatchObject({ group: 'blocker', reportsTo: ids.cfo });
    expect(readRelationships(shared)).toHaveLength(4);
    const options = readOptions(shared);
    expect(options.filter((o) => o.isStatusQuo)).toHaveLength(1);
    expect(options).toHaveLength(3);
    for (const criterion of readCriteria(shared)) {
      expect(Object.keys(criterion.scores)).toHaveLength(3);
      expect(Object.keys(criterion.weightsByStakeholder).length).toBeGreaterThanOrEqual(2);
    }
    expect(readGuides(shared).map((g) => g.stakeholderId)).toEqual([ids.cfo]);
    const plan = readPlan(shared);
    expect(plan.slice(0, 2).every((s) => s.done)).toBe(true);
    expect(plan[2]!.verifiers.filter((v) => v.done)).toHaveLength(1);
    expect(plan[0]!.verifiers[0]).toMatchObject({ doneBy: 'Mara Jensen' });
  });

  it('writes the seller document: notes, the insight and a plan for the Blocker', () => {
    const shared = new Y.Doc();
    const seller = new Y.Doc();
    const ids = seedSampleDeal(shared, seller);
    const snapshot = readSellerDoc(seller);
    expect(snapshot.notes).not.toBe('');
    expect(snapshot.insight.problem).not.toBe('');
    expect(snapshot.blockerPlans[ids.itBoard]).toMatchObject({ persuadableByOthers: true, action: 'social-pressure' });
    expect(Object.keys(snapshot.stakeholderNotes)).toEqual([ids.itBoard]);
  });
});
