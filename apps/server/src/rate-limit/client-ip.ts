import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';

/**
 * The caller's IP address: the socket's peer, or the first `X-Forwarded-For` hop when the app runs
 * behind a proxy it trusts (`trustProxy`). `unknown` when neither is available (in-process requests).
 */
export function clientIp(c: Context<AppEnv>, { trustProxy = false }: { trustProxy?: boolean } = {}): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
