/** A risk as the status reports it (DESIGN.md §3). */
export interface RiskView {
  code: string;
  severity: string;
  message: string;
  source: string;
}

/** The band of a health score, with its word (colour is never the only carrier). */
export function healthBand(health: number | null | undefined): {
  tone: 'good' | 'watch' | 'poor' | 'none';
  label: string;
} {
  if (health === null || health === undefined || !Number.isFinite(health)) return { tone: 'none', label: 'Not scored' };
  if (health >= 70) return { tone: 'good', label: 'Healthy' };
  if (health >= 40) return { tone: 'watch', label: 'At risk' };
  return { tone: 'poor', label: 'In danger' };
}

const severityRank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** The risks a person should read first: most severe first, at most `limit`. */
export function topRisks(risks: readonly RiskView[], limit = 3): RiskView[] {
  return [...risks].sort((a, b) => (severityRank[a.severity] ?? 5) - (severityRank[b.severity] ?? 5)).slice(0, limit);
}
