export { RoomEngine } from './room-engine.ts';
export type {
  AwarenessStateArgs,
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
