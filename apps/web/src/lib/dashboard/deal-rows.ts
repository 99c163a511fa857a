import { DEAL_STAGE_LABELS, type DealStage, PLAN_STAGE_IDS } from '@quorum/deal-model';
import { healthBand } from './health-band.ts';
import type { DashboardStatus } from './types.ts';

/** Columns the deal table sorts by. */
export type SortKey =
  | 'title'
  | 'health'
  | 'stage'
  | 'stakeholders'
  | 'openObjections'
  | 'consensus'
  | 'heardFromShare'
  | 'online'
  | 'updatedAt';

/** A sort order: column and direction. */
export interface DealSort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

/** Which deals by their life: `open`, `closed` (won, lost, no decision), `archived`, or `all`. */
export type DealStateFilter = 'open' | 'closed' | 'archived' | 'all';

/** The choices of the state filter, in the order the Select shows them. */
export const STATE_FILTERS: ReadonlyArray<{ id: DealStateFilter; label: string }> = [
  { id: 'open', label: 'Open' },
  { id: 'closed', label: 'Closed' },
  { id: 'archived', label: 'Archived' },
  { id: 'all', label: 'All' },
];

/** Whether a deal in `state` (none known: open) passes the state filter. */
export function matchesState(state: string | undefined, filter: DealStateFilter): boolean {
  const life = state ?? 'open';
  if (filter === 'all') return true;
  if (filter === 'closed') return life === 'won' || life === 'lost' || life === 'no-decision';
  return life === filter;
}

/**
 * What the table shows: a text query on title and buyer, a health band, a stage (`all` for any), and the deals'
 * state (default: all).
 */
export interface DealFilter {
  query: string;
  band: string;
  stage: string;
  state?: DealStateFilter;
}

/** Every verified stage in pipeline order, `closed` last. */
export const STAGE_ORDER: readonly DealStage[] = [...PLAN_STAGE_IDS, 'closed'];

/** The label of a verified stage; unknown values are shown as they come. */
export function stageLabel(stage: string | undefined): string {
  if (!stage) return 'Not yet projected';
  return DEAL_STAGE_LABELS[stage as DealStage] ?? stage;
}

function stageIndex(stage: string | undefined): number {
  const index = STAGE_ORDER.indexOf(stage as DealStage);
  return index === -1 ? -1 : index;
}

function sortValue(status: DashboardStatus, key: SortKey): number | string {
  switch (key) {
    case 'title':
      return (status.title ?? '').toLocaleLowerCase();
    case 'stage':
      return stageIndex(status.stage);
    case 'updatedAt':
      return status.updatedAt ? Date.parse(status.updatedAt) : 0;
    default: {
      const value = status[key];
      return typeof value === 'number' ? value : -1;
    }
  }
}

/** Deals matching `filter`, sorted by `sort` (ties by title, so the order never jumps). */
export function visibleRows(deals: Iterable<DashboardStatus>, filter: DealFilter, sort: DealSort): DashboardStatus[] {
  const query = filter.query.trim().toLocaleLowerCase();
  const rows = [...deals].filter(
    (deal) =>
      (!query || `${deal.title ?? ''} ${deal.buyer ?? ''}`.toLocaleLowerCase().includes(query)) &&
      (filter.band === 'all' || healthBand(deal.health).id === filter.band) &&
      (filter.stage === 'all' || deal.stage === filter.stage) &&
      matchesState(deal.state, filter.state ?? 'all'),
  );
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows.sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x < y) return -sign;
    if (x > y) return sign;
    return (a.title ?? '').localeCompare(b.title ?? '') || a.id.localeCompare(b.id);
  });
}

/** Number of deals at each verified stage, in pipeline order (stages with no deal included, as 0). */
export function pipelineCounts(
  deals: Iterable<DashboardStatus>,
): Array<{ stage: DealStage; label: string; count: number }> {
  const counts = new Map<string, number>();
  for (const deal of deals) if (deal.stage) counts.set(deal.stage, (counts.get(deal.stage) ?? 0) + 1);
  return STAGE_ORDER.map((stage) => ({ stage, label: DEAL_STAGE_LABELS[stage], count: counts.get(stage) ?? 0 }));
}

/** "just now", "5 min ago", "3 h ago", "2 d ago" from an ISO time, relative to `now` (ms). */
export function timeAgo(iso: string | undefined, now: number): string {
  if (!iso) return '—';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

/** A 0–1 share as a whole percentage, or a dash when unknown. */
export function percent(value: number | undefined): string {
  return typeof value === 'number' ? `${Math.round(value * 100)} %` : '—';
}
