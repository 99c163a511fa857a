export { type HealthOptions, healthRoutes } from './routes.ts';
