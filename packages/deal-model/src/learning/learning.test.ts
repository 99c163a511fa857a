import { describe, expect, it } from 'vitest';
import { seedSampleDeal } from '../sample-deal/index.ts';
import { addStakeholder } from '../stakeholders/index.ts';
import { purchaseIntent } from '../status/intent-curve.ts';
import { newDeal } from '../testing/two-peers.ts';
import type { StakeholderRole } from '../vocabulary/index.ts';
import { type BuyingGroupMember, type BuyingGroupSummary, summarizeBuyingGroup } from './buying-group.ts';
import { type ClosedDeal, type DealOutcome, learnFromClosedDeals, suggestBuyingGroup } from './learn-from-closed.ts';

const member = (role: StakeholderRole | null, title: string, department: string): BuyingGroupMember => ({
  role,
  title,
  department,
  group: 'unknown',
});
const cfo = member('approver', 'Chief Financial Officer', 'Finance');
const cio = member('decider', 'CIO', 'IT');
const buyer = member('buyer', 'Category Manager IT', 'Procurement');
const security = member('gatekeeper', 'CISO', 'Security');
const user = member('user', 'Key user', 'Sales');

const group = (members: BuyingGroupMember[]): BuyingGroupSummary => ({
  size: members.length,
  members,
  roles: {},
  titles: [],
  departments: [],
  mobilizers: 0,
  blockers: 0,
});
const deal = (outcome: DealOutcome, members: BuyingGroupMember[], stageDays?: ClosedDeal['stageDays']): ClosedDeal => ({
  outcome,
  group: group(members),
  stageDays,
});

/** Six closed deals: small groups won, big ones lost or stalled; CFO and CIO in almost all, security in half. */
const history: ClosedDeal[] = [
  deal('won', [cfo, cio], { learn: 10, 'understand-need': 20 }),
  deal('won', [cfo, cio, buyer], { learn: 14 }),
  deal('won', [cfo, { ...cio, title: '  cio ' }, buyer, security], { learn: 30 }),
  deal('lost', [cfo, cio, buyer, security, user], { learn: 40 }),
  deal('no-decision', [cfo, cio, buyer, security, user, member('influencer', 'Consultant', 'External')]),
  deal('lost', [cio, security, user, member(null, '', 'Legal')]),
];

describe('summarizeBuyingGroup', () => {
  it('keeps roles, titles, departments, Mobilizers and Blockers, never names', () => {
    const shared = newDeal();
    seedSampleDeal(shared);
    const summary = summarizeBuyingGroup(shared);
    expect(summary).toMatchObject({ size: 6, mobilizers: 3, blockers: 1 });
    expect(summary.roles).toEqual({ decider: 1, approver: 2, gatekeeper: 1, buyer: 1, user: 1 });
    expect(summary.titles).toContain('Chief Financial Officer');
    expect(summary.departments).toContain('Procurement');
    expect(JSON.stringify(summary)).not.toContain('Mara');
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

describe('learnFromClosedDeals', () => {
  it('says so instead of guessing with too few closed deals', () => {
    const learning = learnFromClosedDeals(history.slice(0, 4));
    expect(learning).toMatchObject({ enough: false, deals: 4, won: 3, winRateBySize: [], typicalGroup: [] });
    expect(learning.message).toMatch(/4 closed deals so far: at least 5/);
    expect(learnFromClosedDeals(history.slice(0, 4), { minDeals: 4 }).enough).toBe(true);
  });

  it('win rate by buying-group size beside the research curve', () => {
    const learning = learnFromClosedDeals(history);
    expect(learning).toMatchObject({ enough: true, deals: 6, won: 3, winRate: 0.5 });
    expect(learning.message).toBeUndefined();
    expect(learning.winRateBySize).toEqual([
      { size: '1–2', min: 1, max: 2, deals: 1, won: 1, rate: 1, research: 0.55 },
      {
        size: '3–4',
        min: 3,
        max: 4,
        deals: 3,
        won: 2,
        rate: 0.667,
        research: Math.round(purchaseIntent(11 / 3) * 10) / 1000,
      },
      { size: '5–6', min: 5, max: 6, deals: 2, won: 0, rate: 0, research: 0.34 },
    ]);
  });

  it('the typical group: who was in at least half of the deals, most frequent first (ties in buying-center order), titles compared loosely', () => {
    const learning = learnFromClosedDeals(history);
    expect(learning.typicalGroup).toEqual([
      { role: 'decider', title: 'CIO', department: 'IT', share: 1 },
      { role: 'approver', title: 'Chief Financial Officer', department: 'Finance', share: 0.833 },
      { role: 'gatekeeper', title: 'CISO', department: 'Security', share: 0.667 },
      { role: 'buyer', title: 'Category Manager IT', department: 'Procurement', share: 0.667 },
      { role: 'user', title: 'Key user', department: 'Sales', share: 0.5 },
    ]);
  });

  it('average days per verified stage, overall and for won deals', () => {
    expect(learnFromClosedDeals(history).stageDays).toEqual([
      { stage: 'learn', deals: 4, averageDays: 23.5, wonAverageDays: 18 },
      { stage: 'understand-need', deals: 1, averageDays: 20, wonAverageDays: 20 },
    ]);
  });
});

describe('suggestBuyingGroup', () => {
  it('suggests who is usually involved but missing from the map', () => {
    const shared = newDeal();
    addStakeholder(shared, { name: 'Ola', title: 'cio', department: 'IT', role: 'decider' });
    addStakeholder(shared, { name: 'Kim', role: 'user', department: 'sales' });
    expect(suggestBuyingGroup(history, shared)).toEqual([
      { role: 'approver', title: 'Chief Financial Officer', department: 'Finance', share: 0.833 },
      { role: 'gatekeeper', title: 'CISO', department: 'Security', share: 0.667 },
      { role: 'buyer', title: 'Category Manager IT', department: 'Procurement', share: 0.667 },
    ]);
  });

  it('suggests nothing with too few closed deals', () => {
    expect(suggestBuyingGroup(history.slice(0, 2), newDeal())).toEqual([]);
  });
});
