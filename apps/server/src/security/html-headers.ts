import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../context.ts';

/**
 * The Content-Security-Policy of the web app's pages. The SvelteKit build starts with one inline bootstrap
 * script and sets inline styles, hence `'unsafe-inline'` for scripts and styles (SvelteKit's `kit.csp` could
 * replace it with nonces/hashes); everything else is same-origin, websockets go to the app's own origins, and
 * no page may be framed; the app's own service worker may register.
 */
export function webContentSecurityPolicy(origins: readonly string[]): string {
  const sockets = origins.map((origin) => origin.replace(/^http/, 'ws'));
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${sockets.join(' ')}`,
    // The web app's service worker (/service-worker.js, the offline reload of the deal room).
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The security headers of every response the app sends, by name (also set on the web app's Node responses). */
export function securityHeaderValues(origins: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': webContentSecurityPolicy(origins),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * hono's `secureHeaders` with the app's policy, for every response Hono renders. It never overwrites a header a
 * route set itself (the guide pages send a stricter, nonce-based policy).
 */
export function appSecureHeaders(origins: readonly string[]): MiddlewareHandler<AppEnv> {
  const values = securityHeaderValues(origins);
  return secureHeaders({
    // What Hono renders itself is JSON, text or a PDF (the guide pages set their own policy): nothing to load.
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: values['X-Frame-Options'],
    xContentTypeOptions: true,
    referrerPolicy: values['Referrer-Policy'],
    crossOriginOpenerPolicy: values['Cross-Origin-Opener-Policy'],
    crossOriginResourcePolicy: 'same-origin',
    overwrite: false,
  });
}
