export { findDealFacts } from './deal-facts.ts';
export { createRoomGuard, type RoomGuardOptions, type SyncContext } from './room-guard.ts';
export { CLOSE_RATE_LIMITED, type SyncRoutesOptions, syncRoutes } from './routes.ts';
export { SessionSockets } from './session-sockets.ts';
