import type * as Y from 'yjs';
import { purchaseIntent } from '../status/intent-curve.ts';
import { PLAN_STAGE_IDS, type PlanStageId, STAKEHOLDER_ROLES, type StakeholderRole } from '../vocabulary/index.ts';
import { type BuyingGroupMember, type BuyingGroupSummary, summarizeBuyingGroup } from './buying-group.ts';

/** How a deal ended. `no-decision`: the group settled on doing nothing. */
export const DEAL_OUTCOMES = ['won', 'lost', 'no-decision'] as const;
/** How a deal ended. */
export type DealOutcome = (typeof DEAL_OUTCOMES)[number];

/** A closed deal of the organization, as the server feeds it to learning. */
export interface ClosedDeal {
  outcome: DealOutcome;
  group: BuyingGroupSummary;
  /** Days spent in each verified purchase stage, when known. */
  stageDays?: Partial<Record<PlanStageId, number>>;
}

/** The win rate of deals whose buying group had a size in this bucket, beside the research curve. */
export interface SizeBucketRate {
  /** E.g. `3–4`, `9+`. */
  size: string;
  min: number;
  /** Inclusive; null for the open last bucket. */
  max: number | null;
  deals: number;
  won: number;
  /** won / deals, 0–1. */
  rate: number;
  /** CEB's purchase intent at the bucket's average group size, 0–1 (the 81 % → 31 % curve). */
  research: number;
}

/** A kind of member (role, title, department) and the share of closed deals that had one. */
export interface TypicalMember {
  role: StakeholderRole | null;
  title: string;
  department: string;
  /** 0–1 of closed deals. */
  share: number;
}

/** Average days in a verified purchase stage. */
export interface StageDuration {
  stage: PlanStageId;
  /** Deals that reported a duration for the stage. */
  deals: number;
  averageDays: number;
  /** The same over won deals only; null when none reported it. */
  wonAverageDays: number | null;
}

/** What the organization's closed deals say; empty lists and a message when there are too few. */
export interface ClosedDealLearning {
  enough: boolean;
  /** Set when `enough` is false: why nothing is suggested. */
  message?: string;
  deals: number;
  won: number;
  /** won / deals, 0–1 (0 without deals). */
  winRate: number;
  /** Buckets holding at least one deal, smallest first (deals with nobody mapped are left out). */
  winRateBySize: SizeBucketRate[];
  /** Members found in at least `typicalShare` of closed deals, most frequent first. */
  typicalGroup: TypicalMember[];
  stageDays: StageDuration[];
}

/** Options of {@link learnFromClosedDeals}. */
export interface LearnOptions {
  /** Fewer closed deals than this and nothing is concluded (default 5). */
  minDeals?: number;
  /** The share of closed deals a kind of member must appear in to count as typical (default 0.5). */
  typicalShare?: number;
}

/** Group-size buckets for the win rate. */
export const GROUP_SIZE_BUCKETS: readonly { size: string; min: number; max: number | null }[] = [
  { size: '1–2', min: 1, max: 2 },
  { size: '3–4', min: 3, max: 4 },
  { size: '5–6', min: 5, max: 6 },
  { size: '7–8', min: 7, max: 8 },
  { size: '9+', min: 9, max: null },
];

const round3 = (value: number): number => Math.round(value * 1000) / 1000;
const normalise = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The key a kind of member is counted under; null for a member with neither role nor title. */
export function memberKey(member: Pick<BuyingGroupMember, 'role' | 'title' | 'department'>): string | null {
  if (!member.role && !normalise(member.title)) return null;
  return `${member.role ?? ''}|${normalise(member.title)}|${normalise(member.department)}`;
}

function typicalMembers(closed: readonly ClosedDeal[], typicalShare: number): TypicalMember[] {
  const counts = new Map<string, { member: BuyingGroupMember; deals: number }>();
  for (const deal of closed) {
    const seen = new Set<string>();
    for (const member of deal.group.members) {
      const key = memberKey(member);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key);
      if (entry) entry.deals++;
      else counts.set(key, { member, deals: 1 });
    }
  }
  const roleIndex = (role: StakeholderRole | null): number => (role ? STAKEHOLDER_ROLES.indexOf(role) : 99);
  return [...counts.values()]
    .map(({ member, deals }) => ({
      role: member.role,
      title: member.title,
      department: member.department,
      share: round3(deals / closed.length),
    }))
    .filter((member) => member.share >= typicalShare)
    .sort((a, b) => b.share - a.share || roleIndex(a.role) - roleIndex(b.role) || a.title.localeCompare(b.title));
}

function sizeBuckets(closed: readonly ClosedDeal[]): SizeBucketRate[] {
  const out: SizeBucketRate[] = [];
  for (const bucket of GROUP_SIZE_BUCKETS) {
    const deals = closed.filter(
      (deal) => deal.group.size >= bucket.min && (bucket.max === null || deal.group.size <= bucket.max),
    );
    if (deals.length === 0) continue;
    const won = deals.filter((deal) => deal.outcome === 'won').length;
    const averageSize = deals.reduce((sum, deal) => sum + deal.group.size, 0) / deals.length;
    out.push({
      ...bucket,
      deals: deals.length,
      won,
      rate: round3(won / deals.length),
      research: round3(purchaseIntent(averageSize) / 100),
    });
  }
  return out;
}

function stageDurations(closed: readonly ClosedDeal[]): StageDuration[] {
  const out: StageDuration[] = [];
  const average = (list: number[]): number => Math.round((list.reduce((s, d) => s + d, 0) / list.length) * 10) / 10;
  for (const stage of PLAN_STAGE_IDS) {
    const all: number[] = [];
    const won: number[] = [];
    for (const deal of closed) {
      const days = deal.stageDays?.[stage];
      if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) continue;
      all.push(days);
      if (deal.outcome === 'won') won.push(days);
    }
    if (all.length > 0) {
      out.push({
        stage,
        deals: all.length,
        averageDays: average(all),
        wonAverageDays: won.length ? average(won) : null,
      });
    }
  }
  return out;
}

/**
 * Learns from the organization's closed deals (seed 004: "account mapping is mostly intuition"): the win
 * rate overall and by buying-group size beside CEB's purchase-intent curve, the kinds of member (role,
 * title, department) usually involved, and the average days per verified stage. With fewer than
 * `minDeals` closed deals it concludes nothing and says so. Pure.
 */
export function learnFromClosedDeals(
  closed: readonly ClosedDeal[],
  { minDeals = 5, typicalShare = 0.5 }: LearnOptions = {},
): ClosedDealLearning {
  const deals = closed.filter((deal) => (DEAL_OUTCOMES as readonly string[]).includes(deal.outcome));
  const won = deals.filter((deal) => deal.outcome === 'won').length;
  const base = { deals: deals.length, won, winRate: deals.length ? round3(won / deals.length) : 0 };
  if (deals.length < minDeals) {
    return {
      enough: false,
      message: `${deals.length} closed deal${deals.length === 1 ? '' : 's'} so far: at least ${minDeals} are needed before Quorum suggests anything, rather than guess.`,
      ...base,
      winRateBySize: [],
      typicalGroup: [],
      stageDays: [],
    };
  }
  return {
    enough: true,
    ...base,
    winRateBySize: sizeBuckets(deals),
    typicalGroup: typicalMembers(deals, typicalShare),
    stageDays: stageDurations(deals),
  };
}

function covers(
  person: Pick<BuyingGroupMember, 'role' | 'title' | 'department'>,
  member: Pick<BuyingGroupMember, 'role' | 'title' | 'department'>,
): boolean {
  const a = normalise(person.title);
  const b = normalise(member.title);
  if (a && b) return a === b;
  return (
    person.role !== null && person.role === member.role && normalise(person.department) === normalise(member.department)
  );
}

/**
 * The kinds of member usually involved in the organization's closed deals (see {@link learnFromClosedDeals})
 * that the current map lacks, most frequent first, ready to add in one click (`addStakeholder` with the
 * title as a placeholder name). Someone on the map with the same title (ignoring case and spacing) covers a
 * suggestion; without a title on either side, the same role in the same department does. Empty with too
 * few closed deals. Pure.
 */
export function suggestBuyingGroup(
  history: readonly ClosedDeal[],
  currentShared: Y.Doc,
  options: LearnOptions = {},
): TypicalMember[] {
  const learning = learnFromClosedDeals(history, options);
  if (!learning.enough) return [];
  const current = summarizeBuyingGroup(currentShared).members;
  return learning.typicalGroup.filter((member) => !current.some((person) => covers(person, member)));
}
