export { renderMetrics, type ServerCounters, type SyncStats } from './prometheus.ts';
export { metricsRoutes } from './routes.ts';
