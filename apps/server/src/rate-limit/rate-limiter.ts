/** A limit: at most `limit` hits per `windowMs`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** The outcome of one hit. */
export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the key may try again (0 when allowed). */
  retryAfterSeconds: number;
}

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions extends RateLimit {
  /** The clock (tests pass their own). */
  now?: () => number;
  /** Forget expired keys once this many are held. */
  maxKeys?: number;
}

/**
 * Fixed-window counters per key, in memory (per process: behind several instances each keeps its own,
 * which multiplies the limit by the instance count at worst).
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #maxKeys: number;
  readonly #windows = new Map<string, { count: number; resetAt: number }>();

  constructor({ limit, windowMs, now = Date.now, maxKeys = 50_000 }: RateLimiterOptions) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
    this.#maxKeys = maxKeys;
  }

  /** Counts one hit for `key` and says whether it is within the limit. */
  hit(key: string): RateDecision {
    const now = this.#now();
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.#windows.size >= this.#maxKeys) this.#prune(now);
      window = { count: 0, resetAt: now + this.#windowMs };
      this.#windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.#limit) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
  }

  /** Forgets `key` (e.g. after a successful login). */
  reset(key: string): void {
    this.#windows.delete(key);
  }

  #prune(now: number): void {
    for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key);
  }
}
