import type { ChipTone } from '$lib/components/tones.ts';

/** A health band: its colour (as a chip tone) and the label that carries the same meaning in words. */
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

/** The band of a health score (0–100): 70 and above healthy, 40–69 at risk, below 40 critical. */
export function healthBand(health: number | null | undefined): HealthBand {
  if (typeof health !== 'number' || Number.isNaN(health)) return bands.unknown;
  if (health >= 70) return bands.healthy;
  if (health >= 40) return bands['at-risk'];
  return bands.critical;
}
