import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { type MetricsAccess, metricsAccess } from '../security/index.ts';
import { createMetricsRegistry, type MetricsSources } from './registry.ts';

/** Options of {@link metricsRoutes}. */
export interface MetricsRoutesOptions extends MetricsSources {
  /** Who may read it (default: local clients only; see {@link metricsAccess}). */
  access?: MetricsAccess;
}

/**
 * `GET /metrics`: the Prometheus text (prom-client, one registry per app) of the sync engine's, the Redis fan-out's,
 * the server's and the webhook sender's figures, and the persist latency histogram.
 */
export function metricsRoutes({ access, ...sources }: MetricsRoutesOptions) {
  const registry = createMetricsRegistry(sources);
  return new Hono<AppEnv>().get('/metrics', metricsAccess(access), async (c) => {
    c.header('content-type', registry.contentType);
    c.header('cache-control', 'no-store');
    return c.body(await registry.metrics());
  });
}
