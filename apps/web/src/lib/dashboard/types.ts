/** A risk of a deal's status (DESIGN.md §3): what is wrong, how badly, and the source it rests on. */
export interface StatusRisk {
  code: string;
  severity: string;
  message: string;
  source: string;
}

/**
 * A deal's status as the events stream sends it (DESIGN.md §3), in the viewer's view: a Mobilizer's
 * view has no `blockersWithoutPlan` and no plan-related risk. Fields are optional so the dashboard
 * reads an older stored status without failing.
 */
export interface DashboardStatus {
  id: string;
  title?: string;
  buyer?: string;
  stage?: string;
  stakeholders?: number;
  mobilizers?: number;
  blockers?: number;
  blockersWithoutPlan?: number;
  openObjections?: number;
  criteria?: number;
  consensus?: number;
  commitment?: number;
  /** Mapped stakeholders who answered in their own words (DESIGN.md 7b). */
  heardFrom?: number;
  /** 0–1: heardFrom of the mapped stakeholders. */
  heardFromShare?: number;
  health?: number;
  risks?: StatusRisk[];
  online?: number;
  updatedAt?: string;
  /** The deal's life: `open`, `won`, `lost`, `no-decision` or `archived` (the events stream adds it). */
  state?: string;
  [field: string]: unknown;
}

/** One point of a deal's health trend. */
export interface HealthPoint {
  health: number;
  at: string;
}

/** State of the live stream: first connection, receiving, lost and retrying, or ended because the session did. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'signed-out';
