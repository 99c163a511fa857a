/** Options of {@link TokenBucket}. */
export interface TokenBucketOptions {
  /** Tokens added per second (the sustained rate). */
  perSecond: number;
  /** Bucket size (the largest burst). */
  burst: number;
  now?: () => number;
}

/** A token bucket: `take()` is false once a sender exceeds its sustained rate beyond the burst. */
export class TokenBucket {
  readonly #perMs: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #at: number;

  constructor({ perSecond, burst, now = Date.now }: TokenBucketOptions) {
    this.#perMs = perSecond / 1000;
    this.#burst = burst;
    this.#now = now;
    this.#tokens = burst;
    this.#at = now();
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.#now();
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#at) * this.#perMs);
    this.#at = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
