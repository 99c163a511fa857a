import type { Criterion } from '../criteria/index.ts';
import type { Voice } from '../voices/index.ts';

/** How many disconnects the status lists. */
export const DISCONNECTS_LIMIT = 5;

/** A criterion on which the group's weights diverge (DESIGN.md 7b). */
export interface Disconnect {
  criterionId: string;
  name: string;
  /** The lowest and highest weight (0–100) any stakeholder gave it. */
  min: number;
  max: number;
  /** max − min. */
  spread: number;
  /** How many of its weights are self-reported (equal to the weight in that stakeholder's own answer). */
  selfReported: number;
  /** Stakeholder ids at the lowest weight, sorted. */
  lowest: string[];
  /** Stakeholder ids at the highest weight, sorted. */
  highest: string[];
}

/**
 * The group's widest disconnects (DESIGN.md 7b). Every criterion with at least two weights in
 * `weightsByStakeholder` and a spread (max − min) above 0 is a disconnect; criteria with at least one
 * self-reported weight come first (the group's own words before estimates), then the widest spread, then
 * the criteria's order. Returns at most `limit` (default 5). Linear in the number of weights.
 */
export function computeDisconnects(
  criteria: readonly Criterion[],
  voices: readonly Voice[],
  { limit = DISCONNECTS_LIMIT }: { limit?: number } = {},
): Disconnect[] {
  const own = new Map(voices.map((v) => [v.stakeholderId, v.weights]));
  const found: (Disconnect & { index: number })[] = [];
  criteria.forEach((criterion, index) => {
    const entries = Object.entries(criterion.weightsByStakeholder);
    if (entries.length < 2) return;
    let min = Infinity;
    let max = -Infinity;
    let selfReported = 0;
    for (const [stakeholderId, weight] of entries) {
      min = Math.min(min, weight);
      max = Math.max(max, weight);
      if (own.get(stakeholderId)?.[criterion.id] === weight) selfReported++;
    }
    if (max - min <= 0) return;
    const at = (value: number): string[] =>
      entries
        .filter(([, w]) => w === value)
        .map(([id]) => id)
        .sort();
    found.push({
      criterionId: criterion.id,
      name: criterion.name,
      min,
      max,
      spread: max - min,
      selfReported,
      lowest: at(min),
      highest: at(max),
      index,
    });
  });
  found.sort(
    (a, b) => Number(b.selfReported > 0) - Number(a.selfReported > 0) || b.spread - a.spread || a.index - b.index,
  );
  return found.slice(0, limit).map(({ index: _, ...disconnect }) => disconnect);
}
