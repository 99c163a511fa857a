export { createDeal } from './create-deal.ts';
export { type DealRecord, findVisibleDeal, toMembership, type VisibleDeal } from './deal-access.ts';
export { type DealDetailView, type DealView, dealDetailView, dealView } from './deal-view.ts';
export { type InitialDocuments, initialDocuments, sampleDocuments } from './initial-documents.ts';
export { listDeals } from './list-deals.ts';
export { publishDealState } from './publish-state.ts';
export { dealRoutes } from './routes.ts';
export { type DealChanges, followMeta, type OpenDealDoc, updateDeal } from './update-deal.ts';
