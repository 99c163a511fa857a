import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

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

/** A named counter of hits per key (an IP address, an email, a user id). */
export interface Limiter {
  /** Counts one hit for `key` and says whether it is within the limit. */
  hit(key: string): Promise<RateDecision>;
  /** Whether `key` is already past the limit, without counting a hit. */
  peek(key: string): Promise<RateDecision>;
  /** Forgets `key` (e.g. after a successful login). */
  reset(key: string): Promise<void>;
}

/** Makes the app's limiters: shared through Redis when a client is given, per process otherwise. */
export type LimiterFactory = (name: string, limit: RateLimit) => Limiter;

/** Options of {@link createLimiterFactory}. */
export interface LimiterFactoryOptions {
  /**
   * The Redis every instance shares (`REDIS_URL`): counts are then shared by all instances
   * (`rate-limiter-flexible`'s RateLimiterRedis), with a per-process limiter as insurance while Redis is
   * unreachable. Without it every process counts on its own (RateLimiterMemory).
   */
  redis?: Redis;
  /** Prefix of the Redis keys (tests use a unique one). */
  keyPrefix?: string;
}

/**
 * The factory of the app's fixed-window limiters (login, signup, guessing guide links, websocket
 * upgrades), built on `rate-limiter-flexible`.
 */
export function createLimiterFactory({
  redis,
  keyPrefix = 'quorum:limit',
}: LimiterFactoryOptions = {}): LimiterFactory {
  return (name, { limit, windowMs }) => {
    const options = {
      points: limit,
      duration: Math.max(1, Math.ceil(windowMs / 1000)),
      keyPrefix: `${keyPrefix}:${name}`,
    };
    const memory = new RateLimiterMemory(options);
    const store = redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: memory })
      : memory;
    const decide = (res: RateLimiterRes, consumed: number): RateDecision =>
      consumed <= limit
        ? { allowed: true, retryAfterSeconds: 0 }
        : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    return {
      async hit(key) {
        try {
          const res = await store.consume(key);
          return decide(res, res.consumedPoints);
        } catch (rejection) {
          if (rejection instanceof RateLimiterRes) return decide(rejection, rejection.consumedPoints);
          throw rejection;
        }
      },
      async peek(key) {
        const res = await store.get(key);
        return res ? decide(res, res.consumedPoints + 1) : { allowed: true, retryAfterSeconds: 0 };
      },
      async reset(key) {
        await store.delete(key);
      },
    };
  };
}
