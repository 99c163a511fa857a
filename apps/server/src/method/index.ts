export { loadClosedDeals, MAX_CLOSED_DEALS } from './closed-deals.ts';
export { type MethodRoutesOptions, methodRoutes } from './method-routes.ts';
export { stageDaysOf } from './stage-days.ts';
