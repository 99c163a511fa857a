import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { renderMetrics, type ServerCounters, type SyncStats } from './prometheus.ts';

/** `GET /metrics`: Prometheus text from the sync engine's stats and the server's counters. */
export function metricsRoutes({ stats, counters }: { stats: () => SyncStats; counters: ServerCounters }) {
  return new Hono<AppEnv>().get('/metrics', (c) => {
    c.header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
    c.header('cache-control', 'no-store');
    return c.body(renderMetrics(stats(), counters));
  });
}
