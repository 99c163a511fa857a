import type * as Y from 'yjs';
import { addCriterion, setCriterionScore, setStakeholderWeight } from '../criteria/index.ts';
import { updateGuide } from '../guides/index.ts';
import { addObjection } from '../objections/index.ts';
import { addOption, readOptions } from '../options/index.ts';
import { readPlan, tickVerifier } from '../plan/index.ts';
import { setNotes, setStakeholderNote } from '../private-notes/index.ts';
import { addRelationship } from '../relationships/index.ts';
import { initSellerDoc, updateBlockerPlan, updateInsight } from '../seller-doc/index.ts';
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
}

/**
 * Fills a deal room with a realistic sample (seed 000: a company choosing its next laptop generation;
 * the CFO asks about cash flow, the CEO about productivity, the corporate IT board about policy, then
 * procurement and the users). Six stakeholders with a Mobilizer and a Blocker, criteria with each
 * stakeholder's weights, three options with the status quo, objections, a stakeholder guide, the first
 * two stages verified; the own answers of three stakeholders (the CFO and the CEO disagree on cost versus
 * productivity; the key user misses a criterion) and a criteria workshop with the agenda suggested from
 * that evidence; in the seller document notes, the insight and a plan for the Blocker. Initialises
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
    addObjection(shared, {
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

    ids = {
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
    });
  }
  return ids!;
}
