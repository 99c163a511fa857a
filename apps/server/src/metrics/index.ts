export { type FanOutStats, renderMetrics, type ServerCounters, type SyncStats } from './prometheus.ts';
export { type MetricsRoutesOptions, metricsRoutes } from './routes.ts';
