/** Throws a RangeError unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(`${field} must be one of ${allowed.join(', ')}; got ${String(value)}`);
  }
}

/** Throws a RangeError unless `value` is a number within [min, max] (an integer when `integer`). */
export function assertInRange(field: string, value: unknown, min: number, max: number, integer = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${field} must be a number from ${min} to ${max}; got ${String(value)}`);
  }
  if (integer && !Number.isInteger(value)) throw new RangeError(`${field} must be a whole number; got ${value}`);
}
