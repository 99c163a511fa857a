export { appSecureHeaders, securityHeaderValues, webContentSecurityPolicy } from './html-headers.ts';
export { type MetricsAccess, metricsAccess } from './metrics-access.ts';
