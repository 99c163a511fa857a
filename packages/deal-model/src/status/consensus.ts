import type { Criterion } from '../criteria/index.ts';

/** How far apart stakeholders' weights for one criterion are. */
export interface WeightSpread {
  /** How many stakeholders gave a weight. */
  count: number;
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation of the weights. */
  stdDev: number;
  /**
   * 0–1: stdDev / 50, the largest standard deviation weights on a 0–100 scale can have (half say 0,
   * half say 100). 0 with fewer than two weights.
   */
  disagreement: number;
}

/** The spread of weights (0–100) that stakeholders gave one criterion: the group's disconnect on it. */
export function weightSpread(weights: readonly number[]): WeightSpread {
  const count = weights.length;
  if (count === 0) return { count, min: 0, max: 0, mean: 0, stdDev: 0, disagreement: 0 };
  const mean = weights.reduce((sum, w) => sum + w, 0) / count;
  const variance = weights.reduce((sum, w) => sum + (w - mean) ** 2, 0) / count;
  const stdDev = Math.sqrt(variance);
  return {
    count,
    min: Math.min(...weights),
    max: Math.max(...weights),
    mean,
    stdDev,
    disagreement: count < 2 ? 0 : Math.min(1, stdDev / 50),
  };
}

/** The group's consensus on criteria weights, with the criteria it was computed from. */
export interface Consensus {
  /** 0–1: 1 − the mean disagreement over compared criteria; 1 when nothing can be compared. */
  value: number;
  /** How many criteria have weights from at least two stakeholders. */
  compared: number;
  /** The compared criteria by disagreement, largest first. */
  disputed: { criterionId: string; name: string; spread: WeightSpread }[];
}

/**
 * Consensus (DESIGN.md section 3): how closely stakeholders' `weightsByStakeholder` agree, across the
 * criteria that at least two stakeholders weighted; 1 when nothing can be compared.
 */
export function computeConsensus(criteria: readonly Criterion[]): Consensus {
  const disputed = criteria
    .map((c) => ({ criterionId: c.id, name: c.name, spread: weightSpread(Object.values(c.weightsByStakeholder)) }))
    .filter((entry) => entry.spread.count >= 2)
    .sort((a, b) => b.spread.disagreement - a.spread.disagreement);
  if (disputed.length === 0) return { value: 1, compared: 0, disputed };
  const mean = disputed.reduce((sum, entry) => sum + entry.spread.disagreement, 0) / disputed.length;
  return { value: 1 - mean, compared: disputed.length, disputed };
}
