import type { Auth, AuthUser } from '@quorum/auth';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/index.ts';
import { hasBearerToken } from '../origin/index.ts';
import { readBearerToken, type TokenAuthenticator } from '../tokens/index.ts';

/**
 * Loads the session from the `quorum_session` cookie into `c.var.user` (null when absent or invalid)
 * and sends the refreshed cookie when the session's expiry slid forward. A request with
 * `Authorization: Bearer <token>` acts as the token's user instead (`sessionToken` stays null); a token that
 * is not valid answers 401 `invalid_token`, and one past its rate 429.
 */
export function loadSession({
  auth,
  bearer,
}: {
  auth: Auth;
  /** Checks API tokens; without it a Bearer request answers 401. */
  bearer?: TokenAuthenticator;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    // Whatever the Origin check let through as a token request is answered as one, never by the cookie.
    if (hasBearerToken(authorization)) {
      const apiToken = readBearerToken(authorization);
      if (!apiToken || !bearer) throw new ApiError(401, 'invalid_token', 'This API token is not valid.');
      c.set('user', (await bearer(apiToken)).user);
      c.set('sessionToken', null);
      return next();
    }
    const token = auth.readSessionToken(c.req.header('cookie'));
    const session = token ? await auth.validateSessionToken(token) : null;
    c.set('user', session?.user ?? null);
    c.set('sessionToken', session ? token : null);
    await next();
    if (session?.refreshedCookie && !c.res.headers.has('set-cookie')) {
      c.res.headers.append('set-cookie', session.refreshedCookie);
    }
  };
}

/** The logged-in user, or 401. */
export function requireUser(c: Context<AppEnv>): AuthUser {
  const user = c.get('user');
  if (!user) throw ApiError.unauthenticated();
  return user;
}
