export { type CapRefusal, ConnectionCaps, type ConnectionCapsOptions } from './connection-caps.ts';
export { findDealFacts } from './deal-facts.ts';
export {
  createRedisRevocationBus,
  type RedisRevocationBus,
  type RedisRevocationBusOptions,
} from './redis-revocation-bus.ts';
export {
  type AccessRevocation,
  createLocalRevocationBus,
  type RevocationBus,
  type RevocationListener,
} from './revocation-bus.ts';
export { createRoomGuard, type RoomGuardOptions, type SyncContext, sanitizeAwareness } from './room-guard.ts';
export { CLOSE_RATE_LIMITED, type SyncLimits, type SyncRoutesOptions, syncRoutes } from './routes.ts';
export { SessionSockets, type SocketOwner } from './session-sockets.ts';
