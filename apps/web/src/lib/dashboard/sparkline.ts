import type { HealthPoint } from './types.ts';

/**
 * The SVG polyline points of a health trend in a `width` × `height` box (health 0–100 bottom to top,
 * points evenly spaced; a single point becomes a flat line).
 */
export function sparklinePoints(points: readonly HealthPoint[], width: number, height: number, pad = 2): string {
  if (points.length === 0) return '';
  const values = points.length === 1 ? [points[0]!.health, points[0]!.health] : points.map((p) => p.health);
  const step = (width - pad * 2) / (values.length - 1);
  const y = (health: number) => pad + (1 - Math.min(100, Math.max(0, health)) / 100) * (height - pad * 2);
  return values.map((health, i) => `${(pad + i * step).toFixed(1)},${y(health).toFixed(1)}`).join(' ');
}
