import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors/index.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when `origin` (an `Origin` header value) is one of the app's origins. */
export function isAllowedOrigin(origin: string | null | undefined, origins: readonly string[]): boolean {
  return !!origin && origins.includes(origin);
}

/**
 * Whether a request carries `Authorization: Bearer …`: an API token, which a browser never sends by itself, so
 * such a request cannot be forged from another site and needs no Origin (DESIGN.md 7e).
 */
export function hasBearerToken(authorization: string | null | undefined): boolean {
  return /^Bearer\s/i.test(authorization ?? '');
}

/**
 * Refuses (403 `bad_origin`) every state-changing request whose `Origin` header is missing or is not one
 * of the app's origins: the CSRF defence of DESIGN.md section 5.6. Requests with an API token are exempt
 * (the token is checked by the session middleware). Websocket upgrades check it in the sync route.
 */
export function checkOrigin({ origins }: { origins: readonly string[] }): MiddlewareHandler {
  return async (c, next) => {
    if (
      !SAFE_METHODS.has(c.req.method) &&
      !hasBearerToken(c.req.header('authorization')) &&
      !isAllowedOrigin(c.req.header('origin'), origins)
    ) {
      throw ApiError.forbidden(
        'bad_origin',
        'This request did not come from the Quorum app (its Origin is not allowed).',
      );
    }
    await next();
  };
}
