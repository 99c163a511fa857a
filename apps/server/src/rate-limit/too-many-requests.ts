import { ApiError } from '../errors/index.ts';
import type { RateDecision } from './limiters.ts';

/** A wait said as a person would: "40 seconds", "1 minute", "15 minutes" (rounded up to whole minutes). */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/**
 * Throws 429 with `Retry-After` when any of the decisions refused. The message says the wait in words;
 * `explain` adds what the person should know (for a login: that even the right password waits).
 */
export function enforce(...decisions: RateDecision[]): void;
export function enforce(explain: (wait: string) => string, ...decisions: RateDecision[]): void;
export function enforce(first: RateDecision | ((wait: string) => string), ...rest: RateDecision[]): void {
  const explain = typeof first === 'function' ? first : (wait: string) => `Too many attempts. Try again in ${wait}.`;
  const decisions = typeof first === 'function' ? rest : [first, ...rest];
  const wait = Math.max(0, ...decisions.filter((d) => !d.allowed).map((d) => d.retryAfterSeconds));
  if (wait > 0) {
    throw new ApiError(429, 'rate_limited', explain(waitInWords(wait)), {
      headers: { 'Retry-After': String(wait) },
    });
  }
}
