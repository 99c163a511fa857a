/** A risk as the status reports it (DESIGN.md §3). */
export interface RiskView {
  code: string;
  severity: string;
  message: string;
  source: string;
}

const severityRank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** The risks a person should read first: most severe first, at most `limit`. */
export function topRisks(risks: readonly RiskView[], limit = 3): RiskView[] {
  return [...risks].sort((a, b) => (severityRank[a.severity] ?? 5) - (severityRank[b.severity] ?? 5)).slice(0, limit);
}
