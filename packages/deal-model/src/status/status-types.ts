import type { GoDecision } from '../qualification/qualification-vocabulary.ts';
import type { CoachingStageId, DealStage } from '../vocabulary/index.ts';
import type { Disconnect } from './disconnects.ts';
import type { HealthFactor } from './health.ts';

/** How much a risk matters: `high` risks are why a deal is red. */
export type RiskSeverity = 'high' | 'medium' | 'low';

/** One explained risk of a deal. */
export interface Risk {
  /** Stable machine code, e.g. `blocker-without-plan` (see docs/health-model.md). */
  code: string;
  severity: RiskSeverity;
  /** A sentence a manager can read: what is wrong and why it matters. */
  message: string;
  /** Where the rule comes from, in words a user understands, e.g. "CEB research: a Blocker in the group cuts …". */
  source: string;
  /** The multiplier this risk applies to health (1 = explanatory only). */
  effect: number;
  /** The stakeholder the risk is about, when there is one. */
  stakeholderId?: string;
}

/** Health bands: green ≥ 70, amber 40–69, red < 40. */
export type HealthBand = 'green' | 'amber' | 'red';

/**
 * A deal's status (DESIGN.md section 3). `view: 'shared'` is computed from the shared document alone
 * (what a Mobilizer may see): it has no `blockersWithoutPlan`, no `qualification`, and no risk mentions
 * Blocker plans.
 */
export interface DealStatus {
  id: string;
  title: string;
  buyer: string;
  /** The first plan stage whose verifiers are not all done; `closed` when every stage is. */
  stage: DealStage;
  /** 0–5: how many stages, in order, are verified. */
  stageIndex: number;
  stakeholders: number;
  mobilizers: number;
  talkers: number;
  blockers: number;
  /** Blockers with no action chosen in the seller document (`none` counts as no plan). Full view only. */
  blockersWithoutPlan?: number;
  openObjections: number;
  criteria: number;
  /** 0–1: how closely stakeholders' weights agree across criteria (1 when nothing to compare). */
  consensus: number;
  /** 0–1: share of mapped stakeholders at `committed` (0 with nobody mapped). */
  commitment: number;
  /** Mapped stakeholders who have given their own answer (a record in `voices`, DESIGN.md 7b). */
  heardFrom: number;
  /** 0–1: heardFrom / mapped stakeholders (0 with nobody mapped). */
  heardFromShare: number;
  /** Up to 5 criteria with the widest spread of weights, self-reported ones first (see `computeDisconnects`). */
  disconnects: Disconnect[];
  /** Verifiers of the mutual plan past their due date and not done, on the day the status was computed. */
  overdueVerifiers: number;
  /** The earliest due date (`YYYY-MM-DD`) among verifiers not done yet, or null: the reminder job's cue. */
  nextVerifierDue: string | null;
  /** 0–100, see docs/health-model.md. */
  health: number;
  band: HealthBand;
  /** Sorted by severity, then by effect (strongest first). */
  risks: Risk[];
  /** Every multiplier of the health product (docs/health-model.md). */
  factors: HealthFactor[];
  /**
   * The Mobilizer's commercial coaching: the first of the five stages not complete, `done` when all are,
   * null while coaching has not started. From the shared document (the Mobilizer sees their own coaching).
   */
  coachingStage: CoachingStageId | 'done' | null;
  /** Seller-side qualification (full view only; never in the shared view). */
  qualification?: {
    /** BANT elements confirmed, 0–4. */
    bantConfirmed: number;
    /** Sales management's go / no-go, or null while undecided. */
    decision: GoDecision | null;
  };
  online: number;
  updatedAt: string | null;
  view: 'full' | 'shared';
}
