export { type AppOptions, createApp, type QuorumApp } from './app.ts';
export { type Config, ConfigError, loadConfig } from './config/index.ts';
export type { AppEnv } from './context.ts';
export { ApiError } from './errors/index.ts';
export { type RunningServer, startServer } from './server.ts';
export { CLOSE_RATE_LIMITED, createRoomGuard, type SyncContext } from './sync/index.ts';
export { loadWebBuild, type NodeHandler } from './web/index.ts';
