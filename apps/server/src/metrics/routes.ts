import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { type MetricsAccess, metricsAccess } from '../security/index.ts';
import { type FanOutStats, renderMetrics, type ServerCounters, type SyncStats } from './prometheus.ts';

/** Options of {@link metricsRoutes}. */
export interface MetricsRoutesOptions {
  /** The sync engine's figures. */
  stats: () => SyncStats;
  counters: ServerCounters;
  /** The Redis fan-out's figures, when the instance relays through Redis. */
  fanOut?: () => FanOutStats;
  /** Who may read it (default: local clients only; see {@link metricsAccess}). */
  access?: MetricsAccess;
}

/** `GET /metrics`: Prometheus text from the sync engine's stats, the Redis fan-out's, and the server's counters. */
export function metricsRoutes({ stats, counters, fanOut, access }: MetricsRoutesOptions) {
  return new Hono<AppEnv>().get('/metrics', metricsAccess(access), (c) => {
    c.header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
    c.header('cache-control', 'no-store');
    return c.body(renderMetrics(stats(), counters, fanOut?.()));
  });
}
