export { RoomEngine } from './room-engine.ts';
export type {
  ConnectDecision,
  ConnectHookResult,
  EngineStats,
  LatencyFigures,
  OpenDoc,
  RoomEngineHooks,
  RoomEngineOptions,
  SyncConnection,
  SyncSocket,
} from './types.ts';
