import type { Criterion, Voice, WeightSource } from '@quorum/deal-model';

/** Where one stakeholder stands on a criterion: their weight, and whether they said it or it is an estimate. */
export interface Position {
  stakeholderId: string;
  name: string;
  weight: number;
  source: WeightSource;
}

/**
 * Who stands where on a criterion, lowest weight first (ties in the map's order): each stakeholder's weight
 * with its source, `self-reported` when it equals the weight in their own answer (as `weightSource` decides
 * in the document), else `estimate`.
 */
export function positionsOf(
  criterion: Pick<Criterion, 'id' | 'weightsByStakeholder'>,
  voices: readonly Voice[],
  stakeholders: ReadonlyArray<{ id: string; name: string }>,
): Position[] {
  const own = new Map(voices.map((v) => [v.stakeholderId, v.weights]));
  const out: Position[] = [];
  for (const { id, name } of stakeholders) {
    const weight = criterion.weightsByStakeholder[id];
    if (weight === undefined) continue;
    const source = own.get(id)?.[criterion.id] === weight ? 'self-reported' : 'estimate';
    out.push({ stakeholderId: id, name: name || 'Unnamed stakeholder', weight, source });
  }
  // Array.prototype.sort is stable: equal weights keep the map's order.
  return out.sort((a, b) => a.weight - b.weight);
}

/** The ids of the stakeholders whose weight on the criterion is their own answer. */
export function selfReportedIds(positions: readonly Position[]): Set<string> {
  return new Set(positions.filter((p) => p.source === 'self-reported').map((p) => p.stakeholderId));
}

/** "Anna Kowalski (10)" / "Henrik Dahl and Sam Okafor (10)": the people at one end of a spread. */
export function endLabel(positions: readonly Position[], weight: number): string {
  const names = positions.filter((p) => p.weight === weight).map((p) => p.name);
  const joined = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${joined} (${weight})`;
}
