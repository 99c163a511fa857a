export { type StatusEnv, type StatusRoutesOptions, statusRoutes } from './events-route.ts';
export { type Connectable, withPresence } from './presence.ts';
export {
  type ComputeStatus,
  type StatusDocSource,
  StatusProjection,
  type StatusProjectionOptions,
  type StoredStatusChange,
} from './projection.ts';
export {
  createLocalStatusBus,
  type DealAudience,
  type LocalStatusBusOptions,
  type StatusBus,
  type StatusEvent,
  type StatusListener,
} from './status-bus.ts';
export {
  type HealthHistoryOptions,
  type HealthPoint,
  listVisibleStatuses,
  loadHealthHistory,
  type StatusRecord,
  saveStatus,
  type VisibleDealStatus,
} from './status-store.ts';
export type { DealStatusView, StatusViewer, StatusViewKind } from './status-types.ts';
export { loadAudience, statusViewFor, statusViewOfRole, viewOf } from './visibility.ts';
