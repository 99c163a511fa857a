/** The figures /metrics exposes (a structural subset of the sync engine's `stats()`). */
export interface SyncStats {
  connections: number;
  rooms: number;
  updatesIn: number;
  updatesPersisted?: number;
  persistFailures?: number;
  pendingUpdates?: number;
  compactions?: number;
  heals?: number;
  healedUpdates?: number;
  healFailures?: number;
  queuedBytes?: number;
  closedSlowClients?: number;
  refusedOversize?: number;
  refusedBusy?: number;
  refusedPending?: number;
  droppedAwareness?: number;
}

/** The Redis fan-out's figures (a structural subset of `RedisFanOut.stats()`), when one is in use. */
export interface FanOutStats {
  connected: boolean;
  published: number;
  dropped: number;
  received?: number;
  recoveries?: number;
}

/** Counters the server itself keeps. */
export interface ServerCounters {
  /** Websocket connections closed for sending too many messages. */
  rateLimitedConnections: number;
  /** Websocket upgrades refused (HTTP 429) for a connection cap or the upgrade rate. */
  refusedConnections?: number;
  /** Websockets terminated for missing a heartbeat pong. */
  heartbeatTimeouts?: number;
  /** Websockets closed (4401) by an access revocation or the session re-check. */
  revokedConnections?: number;
}

/** The webhook sender's counts (`WebhookSender.stats()`). */
export interface WebhookStats {
  delivered: number;
  retried: number;
  failed: number;
}
