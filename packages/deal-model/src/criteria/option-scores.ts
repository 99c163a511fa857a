import type { DealOption } from '../options/index.ts';
import type { Criterion } from './criteria.ts';

/** One option's result in the decision matrix. */
export interface OptionScore {
  optionId: string;
  /** Weighted average score, 0–5: Σ weight × score / Σ weight over all criteria (an unscored cell counts 0). */
  total: number;
  /** How many criteria have a score for this option. */
  scored: number;
  /** Mandatory criteria this option fails (scored 0). */
  failsMandatory: string[];
}

/** Weighted totals per option, in the options' order (the decision matrix's bottom row). */
export function scoreOptions(criteria: readonly Criterion[], options: readonly DealOption[]): OptionScore[] {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  return options.map((option) => {
    let weighted = 0;
    let scored = 0;
    const failsMandatory: string[] = [];
    for (const criterion of criteria) {
      const score = criterion.scores[option.id];
      if (score === undefined) continue;
      scored++;
      weighted += criterion.weight * score;
      if (criterion.mandatory && score === 0) failsMandatory.push(criterion.id);
    }
    return { optionId: option.id, total: totalWeight > 0 ? weighted / totalWeight : 0, scored, failsMandatory };
  });
}
