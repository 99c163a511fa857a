import { DEAL_STAGE_LABELS } from '@quorum/deal-model';

/** The verified stage's label ("Define purchase criteria"), or null when the status has none yet. */
export function stageLabel(stage: unknown): string | null {
  if (typeof stage !== 'string' || !stage) return null;
  return Object.hasOwn(DEAL_STAGE_LABELS, stage) ? DEAL_STAGE_LABELS[stage as keyof typeof DEAL_STAGE_LABELS] : stage;
}

/** Health (0–100) as a whole number, or null when unknown. */
export function healthFigure(health: unknown): number | null {
  return typeof health === 'number' && Number.isFinite(health) ? Math.round(health) : null;
}
