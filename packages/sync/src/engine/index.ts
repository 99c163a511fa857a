export { RoomEngine } from './room-engine.ts';
export type {
  AppliedChange,
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
