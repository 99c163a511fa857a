import type { Database } from '@quorum/db';
import { ApiError } from '../errors/index.ts';
import { createLimiterFactory, enforce, type LimiterFactory, type RateLimit } from '../rate-limit/index.ts';
import { findTokenHolder, type TokenHolder } from './token-store.ts';

/** Resolves a Bearer token to its holder, or throws 401 (`invalid_token`) or 429 (`rate_limited`). */
export type TokenAuthenticator = (token: string) => Promise<TokenHolder>;

/** Default rate of one API token: 600 requests a minute. */
export const DEFAULT_TOKEN_RATE: RateLimit = { limit: 600, windowMs: 60_000 };

/** Options of {@link createTokenAuthenticator}. */
export interface TokenAuthenticatorOptions {
  db: Database;
  /** Makes the per-token limiter (shared through Redis when the app has it). */
  limiters?: LimiterFactory;
  /** Requests one token may make (default {@link DEFAULT_TOKEN_RATE}). */
  rate?: RateLimit;
  now?: () => number;
}

/**
 * The check of `Authorization: Bearer` requests: an unknown or deleted token answers 401 `invalid_token` (never
 * falling back to a cookie: a script must learn its token is wrong), and each token is limited to `rate`.
 */
export function createTokenAuthenticator({
  db,
  limiters = createLimiterFactory(),
  rate = DEFAULT_TOKEN_RATE,
  now = Date.now,
}: TokenAuthenticatorOptions): TokenAuthenticator {
  const limiter = limiters('api-token', rate);
  return async (token) => {
    const holder = await findTokenHolder(db, token, new Date(now()));
    if (!holder) throw new ApiError(401, 'invalid_token', 'This API token is not valid (it may have been revoked).');
    enforce(await limiter.hit(holder.tokenId));
    return holder;
  };
}
