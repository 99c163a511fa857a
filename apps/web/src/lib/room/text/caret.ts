/** A Yjs text delta: the shape of `Y.YTextEvent.delta`. */
export type TextDelta = ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>;

/**
 * Moves a caret position through a remote edit so the local user's caret stays on the same character.
 *
 * Text inserted exactly at the caret lands after it unless `moveOnInsert` is set (used for the end of a
 * non-empty selection, so the selection grows to include text typed at its end rather than jumping).
 */
export function transformPosition(position: number, delta: TextDelta, { moveOnInsert = false } = {}): number {
  let index = 0;
  let shift = 0;
  for (const op of delta) {
    if (index > position) break;
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (index < position || (index === position && moveOnInsert)) shift += length;
    } else if (op.delete !== undefined) {
      if (index < position) shift -= Math.min(op.delete, position - index);
      index += op.delete;
    }
  }
  return Math.max(0, position + shift);
}
