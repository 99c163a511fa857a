export { apiNoStore } from './api-no-store.ts';
export { appSecureHeaders, securityHeaderValues, webContentSecurityPolicy } from './html-headers.ts';
export { type MetricsAccess, metricsAccess } from './metrics-access.ts';
