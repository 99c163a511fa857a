import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCoaching } from '../coaching/index.ts';
import { readCriteria } from '../criteria/index.ts';
import { readGuides } from '../guides/index.ts';
import { modelDiff, readMentalModel } from '../mental-model/index.ts';
import { profileConfirmed, suggestProfileClass } from '../mobilizer-test/index.ts';
import { readNegotiables } from '../negotiables/index.ts';
import { readOptions } from '../options/index.ts';
import { readPlan } from '../plan/index.ts';
import { qualificationScore } from '../qualification/index.ts';
import { readRelationships } from '../relationships/index.ts';
import { readInsightBreaks, readSellerDoc } from '../seller-doc/index.ts';
import { readMeta } from '../shared-doc/index.ts';
import { readStakeholders } from '../stakeholders/index.ts';
import { computeStatus } from '../status/index.ts';
import { readVoices, weightSource } from '../voices/index.ts';
import { readWorkshops, suggestAgenda } from '../workshops/index.ts';
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

  it('holds three stakeholders’ own answers: the CFO and the CEO disagree on cost versus productivity', () => {
    const shared = new Y.Doc();
    const ids = seedSampleDeal(shared);
    const voices = readVoices(shared);
    expect(voices.map((v) => v.stakeholderId)).toEqual([ids.ceo, ids.cfo, ids.users]);
    const cfo = voices.find((v) => v.stakeholderId === ids.cfo)!;
    const ceo = voices.find((v) => v.stakeholderId === ids.ceo)!;
    expect(cfo.weights).toMatchObject({ [ids.tco]: 60, [ids.productivity]: 10 });
    expect(ceo.weights).toMatchObject({ [ids.tco]: 10, [ids.productivity]: 55 });
    expect(voices.find((v) => v.stakeholderId === ids.users)!.missing).not.toBe('');
    expect(weightSource(shared, ids.tco, ids.cfo)).toBe('self-reported');
    expect(weightSource(shared, ids.tco, ids.mobilizer)).toBe('estimate');
    const status = computeStatus(shared);
    expect(status).toMatchObject({ heardFrom: 3, heardFromShare: 0.5 });
    const top = status.disconnects.slice(0, 2).map((d) => d.criterionId);
    expect(top.sort()).toEqual([ids.tco, ids.productivity].sort());
    expect(status.risks.map((r) => r.code)).toContain('dysfunction');
    expect(status.risks.map((r) => r.code)).not.toContain('group-not-heard');
  });

  it('plans a criteria workshop with the agenda suggested from that evidence', () => {
    const shared = new Y.Doc();
    const ids = seedSampleDeal(shared);
    const [workshop] = readWorkshops(shared);
    expect(workshop).toMatchObject({ id: ids.workshop, title: 'Criteria workshop' });
    expect(workshop!.attendees).toHaveLength(6);
    expect(workshop!.agenda.map(({ text, phase, source }) => ({ text, phase, source }))).toEqual(suggestAgenda(shared));
    expect(workshop!.agenda.map((i) => i.phase)).toEqual(
      [...workshop!.agenda.map((i) => i.phase)].sort(
        (a, b) => ['prompt', 'explore', 'converge'].indexOf(a) - ['prompt', 'explore', 'converge'].indexOf(b),
      ),
    );
    expect(workshop!.agenda[1]!.text).toMatch(
      /^Weights for "Productivity.*" range from 10 \(Anna Kowalski\) to 70 \(Sam Okafor\)/,
    );
  });

  it('fills each piece of the seller’s method, each on its side', () => {
    const shared = new Y.Doc();
    const seller = new Y.Doc();
    const ids = seedSampleDeal(shared, seller);
    const snapshot = readSellerDoc(seller);

    expect(Object.keys(snapshot.mobilizerTests).sort()).toEqual([ids.mobilizer, ids.procurement].sort());
    expect(suggestProfileClass(snapshot.mobilizerTests[ids.mobilizer]!)).toMatchObject({
      class: 'mobilizer',
      confidence: 'confirmed',
    });
    expect(profileConfirmed(seller, ids.mobilizer, 'go-getter')).toBe(true);
    expect(suggestProfileClass(snapshot.mobilizerTests[ids.procurement]!).class).toBe('blocker-or-talker');
    expect(profileConfirmed(seller, ids.procurement)).toBe(false);

    const coaching = readCoaching(shared);
    expect(coaching).toMatchObject({ mobilizerId: ids.mobilizer, reached: 'true-problem' });
    expect(coaching.stages[0]!.done).toBe(true);
    expect(coaching.stages[1]!.checklist.filter((i) => i.done)).toHaveLength(1);
    expect(coaching.stages[0]!.checklist.at(-1)!.text).toMatch(/implementation details/);
    expect(coaching.stages[2]!.evidence).toEqual([expect.stringMatching(/^objection:/), `voice:${ids.cfo}`]);

    expect(readNegotiables(shared).map((n) => [n.id, n.status, n.concededTo])).toEqual([
      [ids.lease, 'proposed', null],
      [ids.securityImage, 'agreed', ids.itBoard],
    ]);

    const model = readMentalModel(shared);
    expect(model.current.nodes).toHaveLength(3);
    const diff = modelDiff(shared);
    expect(diff.added.map((n) => n.nodeId)).toEqual([ids.lostTimeBelief]);
    expect(diff.raised).toEqual([expect.objectContaining({ nodeId: ids.productivityBelief, from: 2, to: 5 })]);
    expect(diff.linked.map((l) => [l.from, l.to])).toEqual([[ids.lostTimeBelief, ids.productivityBelief]]);
    expect(readInsightBreaks(seller, shared)).toEqual([ids.unitPriceBelief]);

    expect(qualificationScore(snapshot.qualification)).toMatchObject({ bantConfirmed: 3, decision: 'go' });
    expect(computeStatus(shared, seller)).toMatchObject({
      coachingStage: 'true-problem',
      qualification: { bantConfirmed: 3, decision: 'go' },
    });
    expect(computeStatus(shared).coachingStage).toBe('true-problem');
  });
});
