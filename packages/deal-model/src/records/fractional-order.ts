/**
 * Returns an order value strictly between two neighbours' orders: the midpoint when both exist,
 * one step past the only neighbour otherwise, and 1 for an empty list. Returns `null` when the two
 * neighbours are so close that no double lies strictly between them (the caller renumbers).
 */
export function orderBetween(before: number | undefined, after: number | undefined): number | null {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  const mid = before + (after - before) / 2;
  return mid > before && mid < after ? mid : null;
}

/** Something with an order and a tie-breaking id. */
export interface Ordered {
  id: string;
  order: number;
}

/** Compares by `order`, then by `id` so that equal orders (two concurrent inserts) sort the same everywhere. */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order - b.order;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
