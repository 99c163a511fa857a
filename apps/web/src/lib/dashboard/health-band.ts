import { healthBand as modelBand } from '@quorum/deal-model';
import type { ChipTone } from '$lib/components/tones.ts';

/**
 * A health band: its colour (as a chip tone) and the label that carries the same meaning in words. This is the
 * app's one health vocabulary: the dashboard and the deal room both read it.
 */
export interface HealthBand {
  id: 'healthy' | 'at-risk' | 'critical' | 'unknown';
  tone: ChipTone;
  label: string;
}

const bands: Record<HealthBand['id'], HealthBand> = {
  healthy: { id: 'healthy', tone: 'mobilizer', label: 'Healthy' },
  'at-risk': { id: 'at-risk', tone: 'talker', label: 'At risk' },
  critical: { id: 'critical', tone: 'blocker', label: 'Critical' },
  unknown: { id: 'unknown', tone: 'unknown', label: 'Not scored' },
};

/** Every band in display order. */
export const HEALTH_BANDS: readonly HealthBand[] = [bands.critical, bands['at-risk'], bands.healthy];

const byModelBand = { green: bands.healthy, amber: bands['at-risk'], red: bands.critical } as const;

/**
 * The band of a health score (0–100), with the deal model's thresholds (`healthBand` of @quorum/deal-model:
 * 70 and above healthy, 40–69 at risk, below 40 critical).
 */
export function healthBand(health: number | null | undefined): HealthBand {
  if (typeof health !== 'number' || !Number.isFinite(health)) return bands.unknown;
  return byModelBand[modelBand(health)];
}
