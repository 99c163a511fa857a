import type { PlanStageId } from '../vocabulary/index.ts';
import type { PlanStage, Verifier } from './plan.ts';

/** A verifier past its due date and not done, with the stage it belongs to. */
export interface OverdueVerifier {
  stageId: PlanStageId;
  verifier: Verifier;
  /** Whole days since the due date (1 = due yesterday). */
  daysOverdue: number;
}

/** Today as an ISO date (`YYYY-MM-DD`, UTC): what "overdue" is measured against by default. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a verifier is overdue on `today` (an ISO date): it has a due date before today and is not done. A
 * verifier due today is not overdue yet.
 */
export function isOverdue(verifier: Pick<Verifier, 'done' | 'dueDate'>, today: string): boolean {
  return !verifier.done && verifier.dueDate !== null && verifier.dueDate < today;
}

/** Every overdue verifier of the plan on `today`, in plan order (stage, then the verifiers' order). */
export function overdueVerifiers(plan: readonly PlanStage[], today: string): OverdueVerifier[] {
  const out: OverdueVerifier[] = [];
  for (const stage of plan) {
    for (const verifier of stage.verifiers) {
      if (!isOverdue(verifier, today)) continue;
      const days = Math.round(
        (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${verifier.dueDate}T00:00:00Z`)) / DAY_MS,
      );
      out.push({ stageId: stage.id, verifier, daysOverdue: days });
    }
  }
  return out;
}

/** The earliest due date among verifiers not done yet (overdue ones included), or null when none has one. */
export function nextVerifierDue(plan: readonly PlanStage[]): string | null {
  let next: string | null = null;
  for (const stage of plan) {
    for (const verifier of stage.verifiers) {
      if (verifier.done || verifier.dueDate === null) continue;
      if (next === null || verifier.dueDate < next) next = verifier.dueDate;
    }
  }
  return next;
}
