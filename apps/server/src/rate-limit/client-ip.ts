import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';

/**
 * The caller's IP address. Without a trusted proxy it is the socket's peer. Behind `trustProxy` proxies
 * (true = 1) it is the `X-Forwarded-For` entry that the outermost trusted proxy appended: counted from
 * the right, because everything to its left was written by the client and can be forged.
 * `unknown` when nothing is available (in-process requests).
 */
export function clientIp(c: Context<AppEnv>, { trustProxy = false }: { trustProxy?: boolean | number } = {}): string {
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : Math.max(0, Math.floor(trustProxy));
  const peer = c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
  if (hops === 0) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - hops] ?? forwarded[0] ?? peer;
}
