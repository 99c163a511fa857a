/** The average number of people formally involved in a B2B purchase decision (seed 003, CEB). */
export const AVERAGE_GROUP_SIZE = 5.4;

/** CEB's published points of purchase intent by buying-team size (seed 003): [people, intent %]. */
export const INTENT_CURVE_POINTS: readonly (readonly [number, number])[] = [
  [1, 81],
  [2, 55],
  [6, 31],
];

/**
 * Purchase intent (%) for a buying group of `people`, from CEB's curve (seed 003): 81 % with one person,
 * 55 % with two, 31 % with six. Linear between the published points; below one person, 81 %; beyond six,
 * the last segment's relative decline continues per person ((31/55)^(1/4) ≈ 0.866 kept per extra person).
 */
export function purchaseIntent(people: number): number {
  const points = INTENT_CURVE_POINTS;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (people <= first[0]) return first[1];
  if (people >= last[0]) {
    const before = points[points.length - 2]!;
    const perPerson = (last[1] / before[1]) ** (1 / (last[0] - before[0]));
    return last[1] * perPerson ** (people - last[0]);
  }
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x0, y0] = points[i - 1]!;
    if (people <= x1) return y0 + ((people - x0) / (x1 - x0)) * (y1 - y0);
  }
  return last[1];
}
