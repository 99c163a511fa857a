import { createLimiterFactory, type LimiterFactory } from '../rate-limit/index.ts';

/** Options of {@link createGuessLimiter}. */
export interface GuessLimiterOptions {
  /** Unknown tokens one client may try per window before it is refused. */
  maxMisses?: number;
  /** Length of the window, in milliseconds (whole seconds). */
  windowMs?: number;
  /** Makes the counter (shared through Redis when the app has it); default: per process. */
  limiters?: LimiterFactory;
}

/** Counts the unknown tokens each client tries, so guessing links is refused (429) long before it could work. */
export interface GuessLimiter {
  /** Milliseconds until `client` may try again, or 0 when it is not blocked. */
  retryAfterMs(client: string): Promise<number>;
  /** Records that `client` asked for a token that does not exist. */
  recordMiss(client: string): Promise<void>;
}

/**
 * A fixed-window limiter of misses per client (an IP address). Only misses count: a colleague whose open
 * page checks its valid link every few seconds is never limited.
 */
export function createGuessLimiter({
  maxMisses = 20,
  windowMs = 60_000,
  limiters = createLimiterFactory(),
}: GuessLimiterOptions = {}): GuessLimiter {
  const misses = limiters('guide-guess', { limit: maxMisses, windowMs });
  return {
    async retryAfterMs(client) {
      const decision = await misses.peek(client);
      return decision.allowed ? 0 : decision.retryAfterSeconds * 1000;
    },
    async recordMiss(client) {
      await misses.hit(client);
    },
  };
}
