import type * as Y from 'yjs';
import {
  addCoachingEvidence,
  initCoaching,
  readCoaching,
  setCoachingNote,
  tickCoachingItem,
} from '../coaching/index.ts';
import { addCriterion, setCriterionScore, setStakeholderWeight } from '../criteria/index.ts';
import { updateGuide } from '../guides/index.ts';
import { addCausalLink, addNode, copyCurrentToAgreed, raiseImportance } from '../mental-model/index.ts';
import { updateMobilizerTest } from '../mobilizer-test/index.ts';
import { addNegotiable } from '../negotiables/index.ts';
import { addObjection } from '../objections/index.ts';
import { addOption, readOptions } from '../options/index.ts';
import { readPlan, tickVerifier } from '../plan/index.ts';
import { setNotes, setStakeholderNote } from '../private-notes/index.ts';
import { answerQualificationQuestion, decideGoNoGo, updateBant } from '../qualification/index.ts';
import { addRelationship } from '../relationships/index.ts';
import { initSellerDoc, setInsightBreaks, updateBlockerPlan, updateInsight } from '../seller-doc/index.ts';
import { initSharedDoc } from '../shared-doc/index.ts';
import { addStakeholder } from '../stakeholders/index.ts';
import { submitVoice } from '../voices/index.ts';
import { createWorkshop } from '../workshops/index.ts';

/** Ids of the sample deal's people, so tests and demos can refer to them. */
export interface SampleDealIds {
  mobilizer: string;
  cfo: string;
  ceo: string;
  itBoard: string;
  procurement: string;
  users: string;
  ourOffer: string;
  /** The criteria by what they measure. */
  tco: string;
  cashFlow: string;
  productivity: string;
  compliance: string;
  framework: string;
  /** The suggested criteria workshop. */
  workshop: string;
  /** Negotiable points: the lease term (proposed) and the standard security image (agreed with the IT board). */
  lease: string;
  securityImage: string;
  /** Beliefs of the mental model: A's unit price (the insight breaks it) and productivity (B raises it); B's lost field time. */
  unitPriceBelief: string;
  productivityBelief: string;
  lostTimeBelief: string;
}

/**
 * Fills a deal room with a realistic sample (seed 000: a company choosing its next laptop generation;
 * the CFO asks about cash flow, the CEO about productivity, the corporate IT board about policy, then
 * procurement and the users). Six stakeholders with a Mobilizer and a Blocker, criteria with each
 * stakeholder's weights, three options with the status quo, objections, a stakeholder guide, the first
 * two stages verified; the own answers of three stakeholders (the CFO and the CEO disagree on cost versus
 * productivity; the key user misses a criterion) and a criteria workshop with the agenda suggested from
 * that evidence; the Mobilizer's commercial coaching (stage 1 done, stage 2 begun), two negotiable points,
 * the mental model A and the agreed B; in the seller document notes, the insight (breaking A's unit-price
 * belief), a plan for the Blocker, two Mobilizer tests (Mara confirmed; the procurement Guide did not engage)
 * and the qualification (BANT, seed 002's questions, a go decision). Initialises
 * either document if needed. Meant for a fresh room ("create a sample deal room").
 */
export function seedSampleDeal(shared: Y.Doc, seller?: Y.Doc | null): SampleDealIds {
  initSharedDoc(shared, { title: 'Next laptop generation', buyer: 'Nordwind Logistics', seller: 'Your company' });
  let ids: SampleDealIds | undefined;
  shared.transact(() => {
    const mobilizer = addStakeholder(shared, {
      name: 'Mara Jensen',
      title: 'Head of Digital Workplace',
      department: 'IT',
      role: 'decider',
      profile: 'go-getter',
      influence: 4,
      stance: 2,
      commitment: 'workshop-support',
      priorities: 'Owns the decision on the next laptop generation. Wants one fleet the whole company accepts.',
    });
    const ceo = addStakeholder(shared, {
      name: 'Henrik Dahl',
      title: 'Chief Executive Officer',
      department: 'Executive board',
      role: 'approver',
      profile: 'teacher',
      influence: 5,
      stance: 1,
      commitment: 'urgency',
      priorities: 'Productivity of 1,800 field and office staff; time lost to slow devices.',
    });
    const cfo = addStakeholder(shared, {
      name: 'Anna Kowalski',
      title: 'Chief Financial Officer',
      department: 'Finance',
      role: 'approver',
      profile: 'skeptic',
      influence: 5,
      stance: 0,
      commitment: 'disconnect-conveyed',
      reportsTo: ceo,
      priorities: 'Cash flow, operating expenses, return on assets. Buy versus lease.',
    });
    const itBoard = addStakeholder(shared, {
      name: 'Jonas Weber',
      title: 'Chair, Corporate IT Board',
      department: 'IT governance',
      role: 'gatekeeper',
      profile: 'blocker',
      influence: 4,
      stance: -1,
      commitment: 'unaware',
      reportsTo: cfo,
      priorities: 'Security policy, device standards, no exceptions to the approved image.',
    });
    const procurement = addStakeholder(shared, {
      name: 'Petra Novak',
      title: 'Category Manager IT',
      department: 'Procurement',
      role: 'buyer',
      profile: 'guide',
      influence: 3,
      stance: 0,
      commitment: 'disconnect-conveyed',
      reportsTo: cfo,
      priorities: 'Framework agreements, three comparable bids, contract terms.',
    });
    const users = addStakeholder(shared, {
      name: 'Sam Okafor',
      title: 'Key user, Field Sales',
      department: 'Sales',
      role: 'user',
      profile: 'friend',
      influence: 2,
      stance: 1,
      commitment: 'committed',
      reportsTo: mobilizer,
      priorities: 'Battery through a full day on the road, weight, a keyboard people like.',
    });
    const _ = [
      addRelationship(shared, { from: mobilizer, to: ceo, kind: 'influences' }),
      addRelationship(shared, { from: cfo, to: itBoard, kind: 'allies', note: 'Both guard the budget line' }),
      addRelationship(shared, { from: itBoard, to: mobilizer, kind: 'rivals', note: 'Disagree on device standards' }),
      addRelationship(shared, { from: users, to: mobilizer, kind: 'influences' }),
    ];
    void _;

    const statusQuo = readOptions(shared).find((o) => o.isStatusQuo)!.id;
    const ourOffer = addOption(shared, { name: 'Managed premium ultralight fleet (our offer)' });
    const budget = addOption(shared, { name: 'Budget refresh from the current vendor' });

    const criteria: {
      name: string;
      weight: number;
      kind: 'formal' | 'informal';
      mandatory?: boolean;
      owner: string;
      scores: [number, number, number];
      weights: [string, number][];
    }[] = [
      {
        name: 'Total cost of ownership over four years',
        weight: 30,
        kind: 'formal',
        owner: cfo,
        scores: [3, 3, 4],
        weights: [
          [cfo, 45],
          [ceo, 20],
          [mobilizer, 25],
          [procurement, 40],
        ],
      },
      {
        name: 'Cash-flow impact (lease or buy)',
        weight: 15,
        kind: 'formal',
        owner: cfo,
        scores: [5, 4, 2],
        weights: [
          [cfo, 30],
          [ceo, 10],
          [mobilizer, 10],
        ],
      },
      {
        name: 'Productivity: battery life, boot to work, weight',
        weight: 25,
        kind: 'informal',
        owner: ceo,
        scores: [1, 5, 3],
        weights: [
          [ceo, 40],
          [mobilizer, 35],
          [users, 50],
          [cfo, 10],
        ],
      },
      {
        name: 'Compliance with the corporate IT security policy',
        weight: 20,
        kind: 'formal',
        mandatory: true,
        owner: itBoard,
        scores: [4, 5, 3],
        weights: [
          [itBoard, 40],
          [mobilizer, 20],
          [cfo, 15],
        ],
      },
      {
        name: 'Fits the procurement framework agreement',
        weight: 10,
        kind: 'formal',
        mandatory: true,
        owner: procurement,
        scores: [5, 4, 5],
        weights: [
          [procurement, 25],
          [mobilizer, 10],
        ],
      },
    ];
    const criterionIds: string[] = [];
    for (const c of criteria) {
      const id = addCriterion(shared, {
        name: c.name,
        weight: c.weight,
        kind: c.kind,
        mandatory: c.mandatory ?? false,
        owner: c.owner,
      });
      [statusQuo, ourOffer, budget].forEach((optionId, i) => {
        setCriterionScore(shared, id, optionId, c.scores[i]!);
      });
      for (const [stakeholderId, weight] of c.weights) setStakeholderWeight(shared, id, stakeholderId, weight);
      criterionIds.push(id);
    }
    const [tco, cashFlow, productivity, compliance, framework] = criterionIds as [
      string,
      string,
      string,
      string,
      string,
    ];

    const opex = addObjection(shared, {
      title: 'A lease turns capital spend into operating expense',
      raisedBy: cfo,
      category: 'price',
      status: 'open',
      owner: 'seller',
      response: 'Compare four-year cash flow side by side: the lease spreads the cost and includes repair and swap.',
    });
    const imageObjection = addObjection(shared, {
      title: 'A new device line means exceptions to the security image',
      raisedBy: itBoard,
      category: 'risk',
      status: 'open',
      owner: 'buyer',
    });
    addObjection(shared, {
      title: 'The current laptops still work',
      raisedBy: itBoard,
      category: 'status-quo',
      status: 'addressed',
      owner: 'buyer',
      response: 'Field staff lose about 25 minutes a day to battery and boot times: the status quo has a cost.',
      evidence: 'Helpdesk tickets Q1–Q3; field sales time study.',
    });
    const timing = addObjection(shared, {
      title: 'Rollout would collide with the year-end closing',
      raisedBy: procurement,
      category: 'timing',
      status: 'resolved',
      owner: 'seller',
      response: 'Rollout in three waves, finance last, after the closing.',
    });

    updateGuide(shared, cfo, {
      summary: 'Why we are replacing the laptop fleet now, and what it means for cash flow.',
      keyMessages:
        'Doing nothing costs about 25 minutes per person per day.\nThe lease keeps capital free for the warehouse project.',
      asks: 'Join the criteria workshop on the 14th.\nTell us which cash-flow metric the board will ask about.',
      objectionIds: [opex, timing],
    });

    const plan = readPlan(shared);
    const stamp = (day: number): string => new Date(Date.UTC(2025, 2, day, 10)).toISOString();
    for (const [stageIndex, stage] of plan.slice(0, 2).entries()) {
      for (const [i, verifier] of stage.verifiers.entries()) {
        tickVerifier(shared, stage.id, verifier.id, { by: 'Mara Jensen', at: stamp(3 + stageIndex * 7 + i) });
      }
    }
    const criteriaStage = plan[2]!;
    tickVerifier(shared, criteriaStage.id, criteriaStage.verifiers[0]!.id, { by: 'Mara Jensen', at: stamp(20) });

    // Three stakeholders answered by their guide link: the CFO and the CEO reveal the real disconnect.
    submitVoice(shared, cfo, {
      weights: { [tco]: 60, [cashFlow]: 45, [productivity]: 10, [compliance]: 20, [framework]: 15 },
      concerns:
        'A lease moves the spend into operating expenses. I need the four-year cash flow side by side before the board meeting.',
      submittedAt: stamp(17),
    });
    submitVoice(shared, ceo, {
      weights: { [tco]: 10, [cashFlow]: 10, [productivity]: 55, [compliance]: 20, [framework]: 5 },
      concerns:
        'Our people lose time every day to slow laptops. I want that fixed this year, not discussed again next year.',
      submittedAt: stamp(18),
    });
    submitVoice(shared, users, {
      weights: { [tco]: 10, [productivity]: 70, [compliance]: 10 },
      concerns: 'The last refresh gave us heavy machines that die by lunchtime.',
      missing: 'Repair turnaround: how fast a broken laptop is replaced in the field',
      submittedAt: stamp(19),
    });
    const workshop = createWorkshop(shared, {
      title: 'Criteria workshop',
      date: new Date(Date.UTC(2025, 3, 14, 9)).toISOString(),
      attendees: [mobilizer, ceo, cfo, itBoard, procurement, users],
      suggested: true,
    });

    const lease = addNegotiable(shared, {
      text: 'Lease term of 36 or 48 months, at the CFO’s choice',
      answers: `objection:${opex}`,
      status: 'proposed',
    });
    const securityImage = addNegotiable(shared, {
      text: 'Ship the corporate security image unchanged on the new line',
      answers: `objection:${imageObjection}`,
      concededTo: itBoard,
      status: 'agreed',
    });

    initCoaching(shared, mobilizer);
    const [planStage, problemStage] = readCoaching(shared).stages;
    for (const item of planStage!.checklist) tickCoachingItem(shared, planStage!.id, item.id);
    tickCoachingItem(shared, problemStage!.id, problemStage!.checklist[0]!.id);
    setCoachingNote(shared, 'plan-consensus', 'Mara walks the CFO through the rollout plan before the workshop.');
    addCoachingEvidence(shared, 'concerns-surfaced', `objection:${opex}`);
    addCoachingEvidence(shared, 'concerns-surfaced', `voice:${cfo}`);
    addCoachingEvidence(shared, 'negotiables-blockers', `negotiable:${securityImage}`);

    const unitPriceBelief = addNode(shared, 'current', {
      text: 'Laptops are a cost: buy the cheapest unit that meets the spec',
      importance: 5,
      voiceIds: [cfo],
    });
    const itSpend = addNode(shared, 'current', { text: 'IT spend per employee', importance: 4 });
    const productivityBelief = addNode(shared, 'current', { text: 'Productivity of field staff', importance: 2 });
    addCausalLink(shared, 'current', { from: unitPriceBelief, to: itSpend, note: 'cheaper units, lower spend' });
    copyCurrentToAgreed(shared);
    const lostTimeBelief = addNode(shared, 'agreed', {
      text: 'Field staff lose about 25 minutes a day to slow laptops',
      importance: 5,
      voiceIds: [ceo, users],
    });
    raiseImportance(shared, 'agreed', productivityBelief, { by: 3 });
    addCausalLink(shared, 'agreed', { from: lostTimeBelief, to: productivityBelief, note: 'battery and boot times' });

    ids = {
      lease,
      securityImage,
      unitPriceBelief,
      productivityBelief,
      lostTimeBelief,
      mobilizer,
      cfo,
      ceo,
      itBoard,
      procurement,
      users,
      ourOffer,
      tco,
      cashFlow,
      productivity,
      compliance,
      framework,
      workshop,
    };
  });
  if (seller) {
    initSellerDoc(seller);
    seller.transact(() => {
      setNotes(seller, 'Mara owns the decision but needs the CFO. Budget cycle closes in November.');
      setStakeholderNote(seller, ids!.itBoard, 'Burned by an unmanaged tablet rollout in 2022.');
      updateBlockerPlan(seller, ids!.itBoard, {
        persuadableByOthers: true,
        reasonable: false,
        specialConcern: 'Audit findings on devices outside the approved image',
      });
      updateInsight(seller, {
        problem: 'Laptops are bought on unit price every four years; the fleet is judged by what it costs.',
        missing: 'Lost field time costs more than the devices: about 25 minutes per person per day.',
        approach: 'Buy working time, not devices: a managed fleet priced per productive hour.',
      });
      setInsightBreaks(seller, [ids!.unitPriceBelief], { shared });
      const at = (day: number): string => new Date(Date.UTC(2025, 2, day, 10)).toISOString();
      updateMobilizerTest(
        seller,
        ids!.mobilizer,
        {
          insightReaction: 'engaged',
          perspective: 'group',
          task: { text: 'Bring the CFO to the criteria workshop', delivered: 'yes', dueAt: at(14) },
          note: 'Booked the CFO within a day and briefed her on the cost of lost field time.',
        },
        { at: at(12) },
      );
      updateMobilizerTest(
        seller,
        ids!.procurement,
        {
          insightReaction: 'not-engaged',
          task: { text: 'Share the framework agreement’s renewal date' },
          note: 'Asked only for the price list.',
        },
        { at: at(10) },
      );
      updateBant(seller, 'budget', { state: 'confirmed', note: 'Refresh budget approved for this fiscal year' });
      updateBant(seller, 'authority', { state: 'confirmed', note: 'Mara decides; the CEO and the CFO approve' });
      updateBant(seller, 'need', { state: 'confirmed', note: 'Field staff lose time every day' });
      updateBant(seller, 'timeline', { state: 'partial', note: 'This year, but after the year-end closing' });
      answerQualificationQuestion(seller, 'potential', { answer: 'yes', note: 'Three more subsidiaries' });
      answerQualificationQuestion(seller, 'strategicFit', { answer: 'yes', note: 'Managed fleets are our focus' });
      answerQualificationQuestion(seller, 'margin', { answer: 'unsure', note: 'Depends on the lease term' });
      answerQualificationQuestion(seller, 'followOn', { answer: 'yes', note: 'Repair and swap service' });
      decideGoNoGo(seller, {
        value: 'go',
        reason: 'Budget, authority and need confirmed; a managed fleet fits our strategy.',
        by: 'Sales manager',
        at: at(13),
      });
    });
  }
  return ids!;
}
