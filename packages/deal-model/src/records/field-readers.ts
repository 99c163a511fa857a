import * as Y from 'yjs';

/** Anything fields can be read from: a Y.Map, or a plain Map standing in for a missing one. */
export interface FieldSource {
  get(key: string): unknown;
}

/** Reads a string field (a plain string or a Y.Text), or `fallback`. */
export function readString(map: FieldSource, key: string, fallback = ''): string {
  const value = map.get(key);
  if (typeof value === 'string') return value;
  if (value instanceof Y.Text) return value.toString();
  return fallback;
}

/** Reads a finite number field clamped to [min, max], or `fallback`. */
export function readNumber(map: FieldSource, key: string, fallback: number, min = -Infinity, max = Infinity): number {
  const value = map.get(key);
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

/** Reads a field that must be one of `allowed`, or `fallback`. */
export function readEnum<T extends string, F extends T | null>(
  map: FieldSource,
  key: string,
  allowed: readonly T[],
  fallback: F,
): T | F {
  const value = map.get(key);
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads a boolean field, or `fallback`. */
export function readBoolean<F extends boolean | null>(map: FieldSource, key: string, fallback: F): boolean | F {
  const value = map.get(key);
  return typeof value === 'boolean' ? value : fallback;
}

/** Reads an optional string reference (an id), or `null`. */
export function readRef(map: FieldSource, key: string): string | null {
  const value = map.get(key);
  return typeof value === 'string' && value ? value : null;
}

/** Reads a Y.Map of numbers (id → number) into a plain object, keeping finite values within [min, max]. */
export function readNumberMap(map: FieldSource, key: string, min: number, max: number): Record<string, number> {
  const value = map.get(key);
  const out: Record<string, number> = {};
  if (!(value instanceof Y.Map)) return out;
  for (const [k, v] of value.entries()) {
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = Math.min(max, Math.max(min, v));
  }
  return out;
}
