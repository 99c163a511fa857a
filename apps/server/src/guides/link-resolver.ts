import type { Database } from '@quorum/db';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { clientIp } from '../rate-limit/index.ts';
import type { GuessLimiter } from './guess-limiter.ts';
import { findGuideLinkByToken, type GuideLinkRow, linkState } from './link-store.ts';

/** Why a link does not open what it pointed at, in words for the colleague holding it. */
export interface Notice {
  status: 404 | 410 | 429;
  code: string;
  heading: string;
  message: string;
}

export const unknownLink: Notice = {
  status: 404,
  code: 'not_found',
  heading: 'There is no document at this address',
  message: 'Check that the link was copied in full, or ask the colleague who sent it for a new one.',
};

export const removedGuide: Notice = {
  status: 410,
  code: 'guide_removed',
  heading: 'This document is no longer available',
  message: 'The person it was written for is no longer part of this decision. Ask the colleague who sent it.',
};

function goneNotice(link: GuideLinkRow, state: 'revoked' | 'expired'): Notice {
  if (state === 'revoked') {
    return {
      status: 410,
      code: 'link_revoked',
      heading: 'This document is no longer shared',
      message: 'The colleague who shared it has withdrawn this link. Ask them if you need it again.',
    };
  }
  const date = link.expiresAt?.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return {
    status: 410,
    code: 'link_expired',
    heading: 'This link has expired',
    message: `It was shared until ${date ?? 'a set date'}. Ask the colleague who sent it for a new one.`,
  };
}

/** Options of {@link createLinkResolver}. */
export interface LinkResolverOptions {
  db: Database;
  guessLimiter: GuessLimiter;
  trustProxy?: boolean | number;
  now?: () => Date;
  /**
   * How long a link fetched by this process is trusted (default 5 s): a burst of loads of one link costs one
   * lookup. A revocation in this process takes effect at once; one made on another instance within this time.
   */
  linkCacheMs?: number;
}

/** Finds the active link a token opens, or the notice to answer instead. */
export type LinkResolver = (c: Context<AppEnv>, token: string | null) => Promise<{ link: GuideLinkRow } | Notice>;

/**
 * Resolves the token of a public link: a client that tried too many unknown tokens is refused (429, before any
 * lookup), an unknown token answers 404 and counts as a guess, a withdrawn or expired link answers 410.
 */
export function createLinkResolver({
  db,
  guessLimiter,
  trustProxy = false,
  now = () => new Date(),
  linkCacheMs = 5000,
}: LinkResolverOptions): LinkResolver {
  return async (c, token) => {
    const ip = clientIp(c, { trustProxy });
    const wait = await guessLimiter.retryAfterMs(ip);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      c.header('Retry-After', String(seconds));
      return {
        status: 429,
        code: 'rate_limited',
        heading: 'Too many attempts',
        message: `Too many links that do not exist were tried from your network. Try again in ${seconds} seconds.`,
      };
    }
    const link = token
      ? await findGuideLinkByToken(db, token, { maxAgeMs: linkCacheMs, now: now().getTime() })
      : undefined;
    if (!link) {
      await guessLimiter.recordMiss(ip);
      return unknownLink;
    }
    const state = linkState(link, now());
    return state === 'active' ? { link } : goneNotice(link, state);
  };
}

/** Whether a resolution is a notice rather than a link. */
export function isNotice(value: object): value is Notice {
  return 'status' in value;
}
