import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';

/**
 * `Cache-Control: no-store` on every API response that sets no caching of its own: deal data, accounts and tokens are
 * never kept by a browser's or a proxy's cache (the web app's offline copies are its own, per user, cleared at logout).
 */
export function apiNoStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}
