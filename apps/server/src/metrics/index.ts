export type { FanOutStats, ServerCounters, SyncStats, WebhookStats } from './figures.ts';
export { createPersistLatency, PERSIST_LATENCY_BUCKETS_MS, timedPersistence } from './persist-latency.ts';
export { createMetricsRegistry, type MetricsSources } from './registry.ts';
export { type MetricsRoutesOptions, metricsRoutes } from './routes.ts';
