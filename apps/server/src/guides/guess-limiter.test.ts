import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createLimiterFactory } from '../rate-limit/index.ts';
import { createGuessLimiter } from './guess-limiter.ts';

describe('guess limiter', () => {
  it('blocks a client after too many misses, and only that client', async () => {
    const limiter = createGuessLimiter({ maxMisses: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(await limiter.retryAfterMs('a')).toBe(0);
      await limiter.recordMiss('a');
    }
    const wait = await limiter.retryAfterMs('a');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await limiter.retryAfterMs('b')).toBe(0);
  });

  it.skipIf(!process.env.REDIS_URL)('counts misses across instances through Redis (needs REDIS_URL)', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    await redis.ping();
    try {
      const keyPrefix = `test:guess:${crypto.randomUUID()}`;
      // Two instances, each with its own limiter over the same Redis.
      const [one, two] = [0, 1].map(() =>
        createGuessLimiter({ maxMisses: 4, limiters: createLimiterFactory({ redis, keyPrefix }) }),
      );
      for (let i = 0; i < 2; i++) await one!.recordMiss('203.0.113.7');
      for (let i = 0; i < 2; i++) await two!.recordMiss('203.0.113.7');
      expect(await one!.retryAfterMs('203.0.113.7')).toBeGreaterThan(0);
      expect(await two!.retryAfterMs('203.0.113.7')).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});
