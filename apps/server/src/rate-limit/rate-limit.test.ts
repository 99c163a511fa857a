import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createLimiterFactory, TokenBucket } from './index.ts';

describe('limiters', () => {
  it('allow `limit` hits per window per key, then say when to retry; reset forgets a key', async () => {
    const limiter = createLimiterFactory()('test', { limit: 3, windowMs: 60_000 });
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push((await limiter.hit('a')).allowed);
    expect(hits).toEqual([true, true, true]);
    const refused = await limiter.hit('a');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limiter.peek('a')).allowed).toBe(false);
    expect((await limiter.hit('b')).allowed).toBe(true);
    await limiter.reset('a');
    expect((await limiter.hit('a')).allowed).toBe(true);
  });

  it.skipIf(!process.env.REDIS_URL)(
    'share their counts between instances through Redis (needs REDIS_URL)',
    async () => {
      const redis = new Redis(process.env.REDIS_URL!);
      await redis.ping();
      try {
        const keyPrefix = `test:limits:${crypto.randomUUID()}`;
        const one = createLimiterFactory({ redis, keyPrefix })('login', { limit: 4, windowMs: 60_000 });
        const two = createLimiterFactory({ redis, keyPrefix })('login', { limit: 4, windowMs: 60_000 });
        const decisions = [];
        for (let i = 0; i < 3; i++) decisions.push((await one.hit('ada@example.com')).allowed);
        decisions.push((await two.hit('ada@example.com')).allowed);
        decisions.push((await two.hit('ada@example.com')).allowed);
        expect(decisions).toEqual([true, true, true, true, false]);
        expect((await one.peek('ada@example.com')).allowed).toBe(false);
      } finally {
        redis.disconnect();
      }
    },
  );

  it('fall back to counting per process while Redis is unreachable', async () => {
    const redis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    try {
      const limiter = createLimiterFactory({ redis })('login', { limit: 1, windowMs: 60_000 });
      expect((await limiter.hit('a')).allowed).toBe(true);
      expect((await limiter.hit('a')).allowed).toBe(false);
    } finally {
      redis.disconnect();
    }
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
