import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';

/** Who may read /metrics: holders of a bearer token, or (without one) local clients only. */
export interface MetricsAccess {
  /** `METRICS_TOKEN`: when set, `Authorization: Bearer <token>` is required from every client. */
  token?: string | null;
  /** Without a token, serve any client: for a separate `METRICS_PORT` that the operator keeps private. */
  allowRemote?: boolean;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Guards /metrics. With a token, a request without `Authorization: Bearer <token>` gets 401. Without one, only a
 * loopback peer that did not come through a proxy (no `X-Forwarded-For`/`Forwarded`) may read it; anyone else
 * gets 403, so a deployment behind nginx never exposes it by accident. In-process requests (tests) are local.
 */
export function metricsAccess({ token = null, allowRemote = false }: MetricsAccess = {}): MiddlewareHandler<AppEnv> {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  return async (c, next) => {
    if (expected) {
      const given = Buffer.from(c.req.header('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        c.header('WWW-Authenticate', 'Bearer realm="metrics"');
        return c.text('A metrics token is required.\n', 401);
      }
      return next();
    }
    if (allowRemote) return next();
    const incoming = c.env?.incoming;
    const peer = incoming?.socket?.remoteAddress;
    const proxied = c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined;
    if (incoming && (!peer || !LOOPBACK.test(peer) || proxied)) {
      return c.text('Metrics are served to local clients only (set METRICS_TOKEN or METRICS_PORT).\n', 403);
    }
    return next();
  };
}
