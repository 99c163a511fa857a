import { describe, expect, it } from 'vitest';
import { RateLimiter, TokenBucket } from './index.ts';

describe('RateLimiter', () => {
  it('allows `limit` hits per window per key, then says when to retry', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    expect([1, 2, 3].map(() => limiter.hit('a').allowed)).toEqual([true, true, true]);
    const refused = limiter.hit('a');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(60);
    expect(limiter.hit('b').allowed).toBe(true);
    now += 30_000;
    expect(limiter.hit('a').retryAfterSeconds).toBe(30);
    now += 30_000;
    expect(limiter.hit('a').allowed).toBe(true);
    limiter.reset('b');
    expect(limiter.hit('b').allowed).toBe(true);
  });

  it('forgets expired keys when it holds too many', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 1, windowMs: 10, now: () => now, maxKeys: 2 });
    limiter.hit('a');
    limiter.hit('b');
    now = 20;
    limiter.hit('c');
    expect(limiter.hit('a').allowed).toBe(true);
  });
});

describe('TokenBucket', () => {
  it('allows a burst, then the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket({ perSecond: 10, burst: 5, now: () => now });
    expect(Array.from({ length: 6 }, () => bucket.take())).toEqual([true, true, true, true, true, false]);
    now += 100;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });
});
