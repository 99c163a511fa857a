import { ApiError } from '../errors/index.ts';
import type { RateDecision } from './limiters.ts';

/** Throws 429 with `Retry-After` when any of the decisions refused. */
export function enforce(...decisions: RateDecision[]): void {
  const wait = Math.max(0, ...decisions.filter((d) => !d.allowed).map((d) => d.retryAfterSeconds));
  if (wait > 0) {
    throw new ApiError(429, 'rate_limited', `Too many attempts. Try again in ${wait} seconds.`, {
      headers: { 'Retry-After': String(wait) },
    });
  }
}
