export {
  createDatabaseProbe,
  type DatabaseProbe,
  type DatabaseProbeOptions,
  type ProbeConnection,
  type ProbeResult,
} from './probe.ts';
export { type HealthOptions, healthRoutes } from './routes.ts';
