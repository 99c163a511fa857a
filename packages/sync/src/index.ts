export { CloseCode, type CloseCodeValue } from './close-codes.ts';
export {
  type AppliedChange,
  type AwarenessStateArgs,
  type ConnectDecision,
  type ConnectHookResult,
  type EngineStats,
  type LatencyFigures,
  type OpenDoc,
  RoomEngine,
  type RoomEngineHooks,
  type RoomEngineOptions,
  type SyncConnection,
  type SyncSocket,
} from './engine/index.ts';
export {
  type FanOut,
  type FanOutMessage,
  InProcessFanOut,
  RedisFanOut,
  type RedisFanOutOptions,
  type RedisFanOutStats,
  type Unsubscribe,
} from './fan-out/index.ts';
export {
  type AppendEntry,
  createPostgresPersistence,
  type MissingUpdates,
  type Persistence,
  type PostgresPersistenceOptions,
  type StoredDocument,
  type StoredUpdate,
} from './persistence/index.ts';
export * as protocol from './protocol.ts';
export { RefuseConnection } from './refuse-connection.ts';
