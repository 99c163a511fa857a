import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initCoaching, readCoaching, tickCoachingItem } from '../coaching/index.ts';
import { addCriterion, readCriteria, setCriterionScore, setStakeholderWeight } from '../criteria/index.ts';
import { addObjection, updateObjection } from '../objections/index.ts';
import { addOption, readOptions } from '../options/index.ts';
import { readPlan, removeVerifier, tickVerifier } from '../plan/index.ts';
import { decideGoNoGo, updateBant } from '../qualification/index.ts';
import { seedSampleDeal } from '../sample-deal/index.ts';
import { initSellerDoc, updateBlockerPlan } from '../seller-doc/index.ts';
import { sharedMaps } from '../shared-doc/index.ts';
import { addStakeholder, removeStakeholder, type StakeholderInput, updateStakeholder } from '../stakeholders/index.ts';
import { exchangeUpdates, newDeal, twoPeers } from '../testing/two-peers.ts';
import type { PlanStageId } from '../vocabulary/index.ts';
import { submitVoice } from '../voices/index.ts';
import { computeStatus } from './compute-status.ts';
import { computeDisconnects } from './disconnects.ts';
import { HEALTH_MODEL } from './health.ts';
import { purchaseIntent } from './intent-curve.ts';
import { RISK_SOURCES } from './risk-sources.ts';

const sellerDoc = (): Y.Doc => {
  const doc = new Y.Doc();
  initSellerDoc(doc);
  return doc;
};

const verifyStages = (doc: Y.Doc, count: number): void => {
  for (const stage of readPlan(doc).slice(0, count)) {
    for (const v of stage.verifiers)
      tickVerifier(doc, stage.id as PlanStageId, v.id, { by: 'Mara', at: '2025-01-01T00:00:00Z' });
  }
};

const codes = (status: { risks: { code: string }[] }): string[] => status.risks.map((r) => r.code);

/** A healthy five-person group: a champion Go-Getter, aligned weights, three stages verified, committed people. */
function healthyDeal(): Y.Doc {
  const doc = newDeal();
  const people: StakeholderInput[] = [
    { name: 'Mara', profile: 'go-getter', stance: 2, influence: 4, commitment: 'committed' },
    { name: 'Henrik', profile: 'teacher', stance: 1, influence: 5, commitment: 'committed' },
    { name: 'Anna', profile: 'skeptic', stance: 1, influence: 5, commitment: 'workshop-support' },
    { name: 'Petra', profile: 'guide', stance: 0, influence: 3, commitment: 'committed' },
    { name: 'Sam', profile: 'friend', stance: 1, influence: 2, commitment: 'committed' },
  ];
  const ids = people.map((p) => addStakeholder(doc, p));
  const criterion = addCriterion(doc, { name: 'TCO' });
  for (const id of ids) setStakeholderWeight(doc, criterion, id, 40);
  verifyStages(doc, 3);
  return doc;
}

describe('computeStatus', () => {
  it('an empty deal: learn stage, nothing mapped, amber and explained', () => {
    const status = computeStatus(newDeal(), sellerDoc(), { id: 'd1', online: 2, updatedAt: '2025-01-01T00:00:00Z' });
    expect(status).toMatchObject({
      id: 'd1',
      title: 'Laptop refresh',
      buyer: 'Nordwind',
      stage: 'learn',
      stageIndex: 0,
      stakeholders: 0,
      mobilizers: 0,
      blockers: 0,
      blockersWithoutPlan: 0,
      openObjections: 0,
      criteria: 0,
      consensus: 1,
      commitment: 0,
      online: 2,
      updatedAt: '2025-01-01T00:00:00Z',
      view: 'full',
    });
    expect(status.health).toBe(Math.round(100 * 0.75 * HEALTH_MODEL.noMobilizer * HEALTH_MODEL.unverifiedStage));
    expect(status.band).toBe('amber');
    expect(codes(status).sort()).toEqual(['no-mobilizer', 'under-mapped', 'unverified-stage']);
  });

  it('health is 100 × the product of its factors, and every risk names its research in words, never a file', () => {
    const { risks, factors, health } = computeStatus(healthyDeal(), sellerDoc());
    expect(health).toBe(Math.round(100 * factors.reduce((p, f) => p * f.effect, 1)));
    const doc = newDeal();
    seedSampleDeal(doc, sellerDoc());
    const unheard = newDeal();
    for (const name of ['a', 'b', 'c']) addStakeholder(unheard, { name, profile: 'blocker' });
    const known = Object.values(RISK_SOURCES);
    const statuses = [
      computeStatus(doc),
      computeStatus(doc, sellerDoc()),
      computeStatus(newDeal()),
      computeStatus(unheard),
      { risks },
    ];
    expect(new Set(statuses.flatMap((s) => s.risks.map((r) => r.code))).size).toBeGreaterThanOrEqual(8);
    for (const status of statuses) {
      for (const risk of status.risks) {
        expect(risk.source).not.toMatch(/seed|\.txt/i);
        const rest = known.reduce((text, source) => text.replace(source, ''), risk.source);
        expect(rest.replaceAll('; ', '')).toBe('');
      }
    }
    for (const source of known) expect(source).not.toMatch(/seed|\.txt|\.md/i);
  });

  describe('stage', () => {
    it('is the first stage whose verifiers are not all done, and closed when all are', () => {
      const doc = newDeal();
      verifyStages(doc, 2);
      expect(computeStatus(doc)).toMatchObject({ stage: 'define-criteria', stageIndex: 2 });
      verifyStages(doc, 5);
      expect(computeStatus(doc)).toMatchObject({ stage: 'closed', stageIndex: 5 });
      expect(codes(computeStatus(doc))).not.toContain('unverified-stage');
    });

    it('a stage with no verifiers is not done, even when later stages are', () => {
      const doc = newDeal();
      verifyStages(doc, 5);
      for (const v of readPlan(doc)[1]!.verifiers) removeVerifier(doc, 'understand-need', v.id);
      expect(computeStatus(doc).stage).toBe('understand-need');
    });

    it('one unticked verifier holds the stage', () => {
      const doc = newDeal();
      verifyStages(doc, 1);
      const [first] = readPlan(doc)[1]!.verifiers;
      tickVerifier(doc, 'understand-need', first!.id, { by: 'x' });
      expect(computeStatus(doc).stage).toBe('understand-need');
    });

    it('more verified stages mean more health, all else equal', () => {
      const doc = healthyDeal();
      const before = computeStatus(doc).health;
      verifyStages(doc, 5);
      expect(computeStatus(doc).health).toBeGreaterThan(before);
    });
  });

  describe('Mobilizers and Talkers', () => {
    it('counts Go-Getters, Teachers and Skeptics with stance ≥ +1 as Mobilizers', () => {
      const doc = newDeal();
      addStakeholder(doc, { name: 'a', profile: 'skeptic', stance: 1 });
      addStakeholder(doc, { name: 'b', profile: 'teacher', stance: 0 });
      addStakeholder(doc, { name: 'c', profile: 'friend', stance: 2 });
      const status = computeStatus(doc);
      expect(status).toMatchObject({ mobilizers: 1, talkers: 1 });
      expect(codes(status)).not.toContain('no-mobilizer');
    });

    it('flags only Talkers on your side, naming them and the latent Mobilizer', () => {
      const doc = newDeal();
      addStakeholder(doc, { name: 'Sam', profile: 'friend', stance: 2 });
      addStakeholder(doc, { name: 'Anna', profile: 'skeptic', stance: -1 });
      addStakeholder(doc, { name: 'Petra', profile: 'guide', stance: 0 });
      const risk = computeStatus(doc).risks.find((r) => r.code === 'only-talkers')!;
      expect(risk).toMatchObject({ severity: 'high', effect: HEALTH_MODEL.noMobilizer });
      expect(risk.message).toContain('Sam');
      expect(risk.message).toContain('Anna');
    });
  });

  describe('Blockers', () => {
    it('a Blocker turns a healthy deal red, and a plan brings it back out of red', () => {
      const shared = healthyDeal();
      const seller = sellerDoc();
      const healthy = computeStatus(shared, seller);
      expect(healthy.band).toBe('green');

      const blocker = addStakeholder(shared, { name: 'Jonas', title: 'IT board', profile: 'blocker', influence: 4 });
      const red = computeStatus(shared, seller);
      expect(red).toMatchObject({ blockers: 1, blockersWithoutPlan: 1, band: 'red' });
      expect(red.health).toBeLessThanOrEqual(HEALTH_MODEL.unmanagedBlockerCap);
      expect(red.risks[0]).toMatchObject({ code: 'blocker-without-plan', severity: 'high', stakeholderId: blocker });
      expect(red.risks[0]!.message).toContain('47 %');

      updateBlockerPlan(seller, blocker, { persuadableByOthers: true });
      const planned = computeStatus(shared, seller);
      expect(planned).toMatchObject({ blockersWithoutPlan: 0 });
      expect(planned.band).not.toBe('red');
      expect(planned.health).toBeGreaterThan(red.health);
      expect(planned.risks.find((r) => r.code === 'blocker')!.message).toContain('apply social pressure');
    });

    it('the action `none` (no lever found) still counts as a Blocker without a plan', () => {
      const shared = newDeal();
      const seller = sellerDoc();
      const blocker = addStakeholder(shared, { name: 'Jonas', profile: 'blocker' });
      updateBlockerPlan(seller, blocker, { persuadableByOthers: false, reasonable: false });
      expect(computeStatus(shared, seller).blockersWithoutPlan).toBe(1);
    });

    it('each Blocker cuts health by the seed’s 47 %', () => {
      const shared = healthyDeal();
      addStakeholder(shared, { name: 'one', profile: 'blocker' });
      const one = computeStatus(shared).factors.filter((f) => f.code === 'blocker');
      addStakeholder(shared, { name: 'two', profile: 'blocker' });
      const two = computeStatus(shared).factors.filter((f) => f.code === 'blocker');
      expect(one.map((f) => f.effect)).toEqual([0.53]);
      expect(two.map((f) => f.effect)).toEqual([0.53, 0.53]);
    });
  });

  describe('the Mobilizer’s view (no seller document)', () => {
    it('has no blockersWithoutPlan and never mentions plans, whatever the seller document holds', () => {
      const shared = newDeal();
      const seller = sellerDoc();
      seedSampleDeal(shared, seller);
      const blocker = addStakeholder(shared, { name: 'Second blocker', profile: 'blocker' });
      const full = computeStatus(shared, seller);
      expect(full.blockersWithoutPlan).toBe(1);
      expect(codes(full)).toContain('blocker-without-plan');

      const view = computeStatus(shared);
      expect(view.view).toBe('shared');
      expect('blockersWithoutPlan' in view).toBe(false);
      const json = JSON.stringify(view);
      expect(json).not.toMatch(/plan/i);
      expect(json).not.toContain('social pressure');
      expect(full.qualification).toEqual({ bantConfirmed: 3, decision: 'go' });
      expect('qualification' in view).toBe(false);
      expect(json).not.toMatch(/bant|qualif|no-go|"go"|Booked the CFO|Sales manager|productive hour/i);
      expect(view.coachingStage).toBe(full.coachingStage);
      expect(view.risks.filter((r) => r.code === 'blocker').map((r) => r.stakeholderId)).toContain(blocker);
      expect(computeStatus(shared, null)).toEqual(view);
    });
  });

  describe('the seller’s method (issue 14)', () => {
    it('coachingStage follows the Mobilizer’s checklists, in both views; null before coaching starts', () => {
      const shared = newDeal();
      const seller = sellerDoc();
      expect(computeStatus(shared, seller).coachingStage).toBeNull();
      initCoaching(shared, addStakeholder(shared, { name: 'Mara', profile: 'skeptic', stance: 2 }));
      expect(computeStatus(shared).coachingStage).toBe('plan-consensus');
      for (const stage of readCoaching(shared).stages.slice(0, 3)) {
        for (const item of stage.checklist) tickCoachingItem(shared, stage.id, item.id);
      }
      expect(computeStatus(shared, seller).coachingStage).toBe('negotiables-blockers');
      expect(computeStatus(shared).coachingStage).toBe('negotiables-blockers');
    });

    it('qualification in the full view only: BANT confirmed of four and the go / no-go decision', () => {
      const shared = newDeal();
      const seller = sellerDoc();
      expect(computeStatus(shared, seller).qualification).toEqual({ bantConfirmed: 0, decision: null });
      updateBant(seller, 'budget', { state: 'confirmed' });
      updateBant(seller, 'need', { state: 'partial' });
      decideGoNoGo(seller, { value: 'no-go', reason: 'No budget owner', by: 'Lena' });
      const full = computeStatus(shared, seller);
      expect(full.qualification).toEqual({ bantConfirmed: 1, decision: 'no-go' });
      expect(full.health).toBe(computeStatus(shared, sellerDoc()).health);
      expect(computeStatus(shared).qualification).toBeUndefined();
    });
  });

  describe('dysfunction', () => {
    it('spread weights lower consensus and health by up to the seed’s 50 %', () => {
      const doc = healthyDeal();
      const ids = [...sharedMaps(doc).stakeholders.keys()];
      const criterion = addCriterion(doc, { name: 'Battery life' });
      ids.forEach((id, i) => {
        setStakeholderWeight(doc, criterion, id, i % 2 === 0 ? 0 : 100);
      });
      const status = computeStatus(doc);
      expect(status.consensus).toBeLessThan(0.75);
      const risk = status.risks.find((r) => r.code === 'dysfunction')!;
      expect(risk.effect).toBeCloseTo(1 - 0.5 * (1 - status.consensus), 2);
      expect(risk.message).toContain('Battery life');
      expect(risk.message).toContain('50 %');
    });

    it('mild disagreement costs a little health without being reported as dysfunction', () => {
      const doc = healthyDeal();
      const [a, b] = [...sharedMaps(doc).stakeholders.keys()];
      const criterion = addCriterion(doc, { name: 'Weight' });
      setStakeholderWeight(doc, criterion, a!, 30);
      setStakeholderWeight(doc, criterion, b!, 70);
      const status = computeStatus(doc);
      expect(status.consensus).toBeGreaterThan(0.75);
      expect(status.factors.find((f) => f.code === 'dysfunction')!.effect).toBeLessThan(1);
      expect(codes(status)).not.toContain('dysfunction');
    });

    it('says disconnects are hidden when nobody weighted anything yet', () => {
      const doc = newDeal();
      addStakeholder(doc, { name: 'a' });
      addStakeholder(doc, { name: 'b' });
      addCriterion(doc, { name: 'TCO' });
      expect(computeStatus(doc)).toMatchObject({ consensus: 1 });
      expect(codes(computeStatus(doc))).toContain('disconnects-unknown');
    });
  });

  describe('the group’s own voice', () => {
    const AT = '2025-03-17T10:00:00.000Z';
    const group = (size: number): { doc: Y.Doc; ids: string[]; criteria: string[] } => {
      const doc = newDeal();
      const ids = Array.from({ length: size }, (_, i) => addStakeholder(doc, { name: `p${i}` }));
      const criteria = ['Cost', 'Productivity', 'Security'].map((name) => addCriterion(doc, { name }));
      return { doc, ids, criteria };
    };

    it('heardFrom counts mapped stakeholders who answered themselves; heardFromShare is of the mapped group', () => {
      const { doc, ids, criteria } = group(4);
      expect(computeStatus(doc)).toMatchObject({ heardFrom: 0, heardFromShare: 0, disconnects: [] });
      setStakeholderWeight(doc, criteria[0]!, ids[0]!, 50);
      expect(computeStatus(doc).heardFrom).toBe(0);
      submitVoice(doc, ids[0]!, { weights: { [criteria[0]!]: 60 }, submittedAt: AT });
      submitVoice(doc, ids[1]!, { weights: {}, concerns: 'Timing', submittedAt: AT });
      submitVoice(doc, ids[1]!, { weights: { [criteria[1]!]: 20 }, submittedAt: AT });
      expect(computeStatus(doc)).toMatchObject({ heardFrom: 2, heardFromShare: 0.5 });
      removeStakeholder(doc, ids[1]!);
      expect(computeStatus(doc)).toMatchObject({ heardFrom: 1, heardFromShare: 0.333 });
      expect(computeStatus(newDeal())).toMatchObject({ heardFrom: 0, heardFromShare: 0 });
    });

    it('the group-not-heard risk holds while fewer than half answered in their own words, and lifts at half', () => {
      const { doc, ids } = group(4);
      const risk = computeStatus(doc).risks.find((r) => r.code === 'group-not-heard')!;
      expect(risk).toMatchObject({ severity: 'medium', effect: 1 - HEALTH_MODEL.groupNotHeardCut });
      expect(risk.message).toContain('4 stakeholders');
      const before = computeStatus(doc).health;
      submitVoice(doc, ids[0]!, { weights: {}, concerns: 'Cash flow', submittedAt: AT });
      const one = computeStatus(doc);
      expect(one.risks.find((r) => r.code === 'group-not-heard')).toMatchObject({ severity: 'low', effect: 0.925 });
      expect(one.health).toBeGreaterThan(before);
      submitVoice(doc, ids[1]!, { weights: {}, missing: 'Repairs', submittedAt: AT });
      const half = computeStatus(doc);
      expect(codes(half)).not.toContain('group-not-heard');
      expect(half.factors.map((f) => f.code)).not.toContain('group-not-heard');
      expect(half.health).toBeGreaterThan(one.health);
      const alone = newDeal();
      addStakeholder(alone, { name: 'only one' });
      expect(codes(computeStatus(alone))).not.toContain('group-not-heard');
    });

    it('disconnects: widest spread first, criteria with a self-reported weight before estimates, at most five', () => {
      const { doc, ids, criteria } = group(3);
      const [cost, productivity, security] = criteria as [string, string, string];
      setStakeholderWeight(doc, security, ids[0]!, 0);
      setStakeholderWeight(doc, security, ids[1]!, 100);
      setStakeholderWeight(doc, productivity, ids[2]!, 50);
      submitVoice(doc, ids[0]!, { weights: { [cost]: 60, [productivity]: 10 }, submittedAt: AT });
      submitVoice(doc, ids[1]!, { weights: { [cost]: 10, [productivity]: 55 }, submittedAt: AT });
      const { disconnects } = computeStatus(doc);
      expect(disconnects).toEqual([
        {
          criterionId: cost,
          name: 'Cost',
          min: 10,
          max: 60,
          spread: 50,
          selfReported: 2,
          lowest: [ids[1]],
          highest: [ids[0]],
        },
        {
          criterionId: productivity,
          name: 'Productivity',
          min: 10,
          max: 55,
          spread: 45,
          selfReported: 2,
          lowest: [ids[0]],
          highest: [ids[1]],
        },
        {
          criterionId: security,
          name: 'Security',
          min: 0,
          max: 100,
          spread: 100,
          selfReported: 0,
          lowest: [ids[0]],
          highest: [ids[1]],
        },
      ]);
      for (let i = 0; i < 4; i++) {
        const c = addCriterion(doc, { name: `extra${i}` });
        setStakeholderWeight(doc, c, ids[0]!, 0);
        setStakeholderWeight(doc, c, ids[1]!, 10 + i);
      }
      const agreed = addCriterion(doc, { name: 'agreed' });
      setStakeholderWeight(doc, agreed, ids[0]!, 40);
      setStakeholderWeight(doc, agreed, ids[1]!, 40);
      const next = computeStatus(doc).disconnects;
      expect(next.map((d) => d.name)).toEqual(['Cost', 'Productivity', 'Security', 'extra3', 'extra2']);
      expect(computeDisconnects(readCriteria(doc), []).map((d) => d.name)).toEqual([
        'Security',
        'Cost',
        'Productivity',
        'extra3',
        'extra2',
      ]);
    });

    it('the Mobilizer’s view has the same voice figures as the full view (they come from the shared document)', () => {
      const shared = new Y.Doc();
      const seller = new Y.Doc();
      seedSampleDeal(shared, seller);
      const full = computeStatus(shared, seller);
      const view = computeStatus(shared);
      expect(view.heardFrom).toBe(3);
      expect(view.heardFromShare).toBe(0.5);
      for (const key of ['heardFrom', 'heardFromShare', 'disconnects', 'consensus'] as const) {
        expect(view[key]).toEqual(full[key]);
      }
      expect(JSON.stringify(view)).not.toContain('Lost field time');
    });
  });

  describe('open objections', () => {
    it('weighs open objections by the raiser’s influence; addressed and resolved ones do not count', () => {
      const doc = healthyDeal();
      const low = addStakeholder(doc, { name: 'Low', influence: 1 });
      const high = addStakeholder(doc, { name: 'High', influence: 5 });
      const fromLow = addObjection(doc, { title: 'Minor', raisedBy: low });
      const lowStatus = computeStatus(doc);
      updateObjection(doc, fromLow, { raisedBy: high });
      const highStatus = computeStatus(doc);
      expect(highStatus.health).toBeLessThan(lowStatus.health);
      expect(highStatus.risks.find((r) => r.code === 'open-objections')!.severity).toBe('high');
      expect(lowStatus.risks.find((r) => r.code === 'open-objections')!.severity).toBe('low');
      updateObjection(doc, fromLow, { status: 'resolved' });
      expect(computeStatus(doc).openObjections).toBe(0);
      expect(codes(computeStatus(doc))).not.toContain('open-objections');
    });

    it('never cuts health below the floor however many objections are open', () => {
      const doc = newDeal();
      const ceo = addStakeholder(doc, { name: 'CEO', influence: 5 });
      for (let i = 0; i < 200; i++) addObjection(doc, { title: `o${i}`, raisedBy: ceo });
      expect(computeStatus(doc).factors.find((f) => f.code === 'open-objections')!.effect).toBe(
        HEALTH_MODEL.objectionFloor,
      );
    });
  });

  describe('group size', () => {
    it('a group above 5.4 is cut by the intent curve relative to the average group; under-mapped below it', () => {
      const doc = newDeal();
      for (let i = 0; i < 8; i++) addStakeholder(doc, { name: `p${i}` });
      const factor = computeStatus(doc).factors.find((f) => f.code === 'large-buying-group')!;
      expect(factor.effect).toBeCloseTo(purchaseIntent(8) / purchaseIntent(5.4), 3);
      for (let i = 0; i < 40; i++) addStakeholder(doc, { name: `more${i}` });
      expect(computeStatus(doc).factors.find((f) => f.code === 'large-buying-group')!.effect).toBe(
        HEALTH_MODEL.groupSizeFloor,
      );
      const small = newDeal();
      addStakeholder(small, { name: 'only one' });
      expect(codes(computeStatus(small))).toContain('under-mapped');
      expect(codes(computeStatus(small))).not.toContain('large-buying-group');
    });
  });

  describe('commitment', () => {
    it('is the share of stakeholders at committed', () => {
      const doc = newDeal();
      addStakeholder(doc, { name: 'a', commitment: 'committed' });
      addStakeholder(doc, { name: 'b', commitment: 'urgency' });
      addStakeholder(doc, { name: 'c', commitment: 'committed' });
      addStakeholder(doc, { name: 'd' });
      expect(computeStatus(doc).commitment).toBe(0.5);
    });

    it('flags commitment lagging behind a late verified stage', () => {
      const doc = newDeal();
      addStakeholder(doc, { name: 'a', profile: 'go-getter', stance: 2 });
      addStakeholder(doc, { name: 'b' });
      verifyStages(doc, 4);
      const risk = computeStatus(doc).risks.find((r) => r.code === 'commitment-lagging')!;
      expect(risk.severity).toBe('high');
      expect(risk.message).toContain('Evaluate options');
    });
  });

  it('flags doing nothing leading the weighted scores', () => {
    const doc = newDeal();
    const statusQuo = readOptions(doc)[0]!.id;
    const ours = addOption(doc, { name: 'Ours' });
    const criterion = addCriterion(doc, { name: 'TCO' });
    setCriterionScore(doc, criterion, statusQuo, 5);
    setCriterionScore(doc, criterion, ours, 2);
    expect(codes(computeStatus(doc))).toContain('status-quo-leading');
    setCriterionScore(doc, criterion, ours, 5);
    expect(codes(computeStatus(doc))).not.toContain('status-quo-leading');
  });

  describe('references to deleted stakeholders', () => {
    it('treats them as absent everywhere', () => {
      const shared = newDeal();
      const seller = sellerDoc();
      const ghost = addStakeholder(shared, { name: 'Ghost', profile: 'blocker', influence: 5 });
      const kept = addStakeholder(shared, { name: 'Kept', profile: 'go-getter', stance: 2 });
      const criterion = addCriterion(shared, { name: 'TCO' });
      setStakeholderWeight(shared, criterion, ghost, 0);
      setStakeholderWeight(shared, criterion, kept, 100);
      const objection = addObjection(shared, { title: 'Opex', raisedBy: ghost });
      updateBlockerPlan(seller, ghost, { action: null });
      // A raw delete, as a concurrent peer's edit would leave it: every reference stays in the document.
      sharedMaps(shared).stakeholders.delete(ghost);
      const status = computeStatus(shared, seller);
      expect(status).toMatchObject({
        stakeholders: 1,
        blockers: 0,
        blockersWithoutPlan: 0,
        consensus: 1,
        openObjections: 1,
      });
      expect(status.band).not.toBe('red');
      expect(status.risks.find((r) => r.code === 'open-objections')!.message).not.toContain('Ghost');
      expect(sharedMaps(shared).objections.get(objection)!.get('raisedBy')).toBe(ghost);
    });
  });

  it('two peers editing concurrently compute the same status once they have exchanged updates', () => {
    const { seller, mobilizer } = twoPeers();
    const cfo = addStakeholder(seller, { name: 'CFO', profile: 'skeptic', stance: 1, influence: 5 });
    const objection = addObjection(seller, { title: 'Opex' });
    exchangeUpdates(seller, mobilizer);
    removeStakeholder(seller, cfo);
    updateObjection(mobilizer, objection, { raisedBy: cfo });
    updateStakeholder(mobilizer, cfo, { profile: 'blocker' });
    addStakeholder(mobilizer, { name: 'Mara', profile: 'go-getter', stance: 2 });
    exchangeUpdates(seller, mobilizer);
    const a = computeStatus(seller, null, { id: 'd' });
    const b = computeStatus(mobilizer, null, { id: 'd' });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ stakeholders: 1, blockers: 0, mobilizers: 1, openObjections: 1 });
  });

  it('the sample deal: define-criteria, a Mobilizer, a planned Blocker, amber; red in the shared view', () => {
    const shared = new Y.Doc();
    const seller = new Y.Doc();
    seedSampleDeal(shared, seller);
    const full = computeStatus(shared, seller);
    expect(full).toMatchObject({
      stage: 'define-criteria',
      stakeholders: 6,
      mobilizers: 2,
      blockers: 1,
      blockersWithoutPlan: 0,
      openObjections: 2,
      criteria: 5,
      band: 'amber',
    });
    expect(full.consensus).toBeGreaterThan(0.5);
    expect(full.consensus).toBeLessThan(1);
    expect(computeStatus(shared).health).toBeLessThan(full.health);
  });
});
