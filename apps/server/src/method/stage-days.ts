import type { PlanStage, PlanStageId } from '@quorum/deal-model';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Days a closed deal spent in each verified purchase stage, from its verifiers' `doneAt`: a stage ends when its
 * last verifier was ticked and starts when the stage before it ended (the first one when the deal was created).
 * Stages not verified, or whose times are missing or out of order, are left out rather than guessed.
 */
export function stageDaysOf(plan: readonly PlanStage[], createdAt: Date): Partial<Record<PlanStageId, number>> {
  const days: Partial<Record<PlanStageId, number>> = {};
  let start: number | null = createdAt.getTime();
  for (const stage of plan) {
    const end = stage.done ? stageEnd(stage) : null;
    if (end !== null && start !== null && end >= start) days[stage.id] = (end - start) / DAY_MS;
    start = end;
  }
  return days;
}

/** When a verified stage's last verifier was ticked, or null when a time is missing. */
function stageEnd(stage: PlanStage): number | null {
  let end = Number.NEGATIVE_INFINITY;
  for (const verifier of stage.verifiers) {
    const at = verifier.doneAt ? Date.parse(verifier.doneAt) : Number.NaN;
    if (Number.isNaN(at)) return null;
    end = Math.max(end, at);
  }
  return Number.isFinite(end) ? end : null;
}
