import type { Learning } from '@quorum/api-schema';
import type { DashboardStatus } from './types.ts';

/** A deal's qualification as the full status carries it (sellers and managers only). */
export interface DealQualification {
  bantConfirmed: number;
  decision: 'go' | 'no-go' | null;
}

/** The qualification of a deal's status, or null when the status has none (an older status, a shared view). */
export function qualificationOf(status: DashboardStatus): DealQualification | null {
  const q = status.qualification;
  if (typeof q !== 'object' || q === null) return null;
  const { bantConfirmed, decision } = q as Record<string, unknown>;
  return {
    bantConfirmed: typeof bantConfirmed === 'number' ? bantConfirmed : 0,
    decision: decision === 'go' || decision === 'no-go' ? decision : null,
  };
}

/** One bar pair of the learning chart: the organization's win rate beside the research's purchase intent. */
export interface WinRateBar {
  size: string;
  deals: number;
  /** Whole percentages. */
  ours: number;
  research: number;
}

/** The win rate by buying-group size as whole percentages, smallest groups first. */
export function winRateBars(learning: Learning): WinRateBar[] {
  return learning.winRateBySize.map((bucket) => ({
    size: bucket.size,
    deals: bucket.deals,
    ours: Math.round(bucket.rate * 100),
    research: Math.round(bucket.research * 100),
  }));
}
