import type { Auth, AuthUser } from '@quorum/auth';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/index.ts';

/**
 * Loads the session from the `quorum_session` cookie into `c.var.user` (null when absent or invalid)
 * and sends the refreshed cookie when the session's expiry slid forward.
 */
export function loadSession({ auth }: { auth: Auth }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
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
