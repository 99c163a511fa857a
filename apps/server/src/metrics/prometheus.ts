/** The figures /metrics exposes (a structural subset of the sync engine's `stats()`). */
export interface SyncStats {
  connections: number;
  rooms: number;
  updatesIn: number;
  updatesPersisted?: number;
  persistFailures?: number;
  pendingUpdates?: number;
  compactions?: number;
  persistLatency: { count: number; sumMs: number; p50Ms: number; p95Ms: number; p99Ms: number };
  heals?: number;
  healedUpdates?: number;
  healFailures?: number;
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

/**
 * Renders the engine's, the Redis fan-out's (when given) and the server's figures in the Prometheus text
 * format (version 0.0.4).
 */
export function renderMetrics(stats: SyncStats, counters: ServerCounters, fanOut?: FanOutStats): string {
  const lines: string[] = [];
  const metric = (name: string, type: 'gauge' | 'counter' | 'summary', help: string, samples: [string, number][]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [suffix, value] of samples) lines.push(`${name}${suffix} ${Number.isFinite(value) ? value : 0}`);
  };
  metric('quorum_sync_connections', 'gauge', 'Open websocket connections.', [['', stats.connections]]);
  metric('quorum_sync_rooms', 'gauge', 'Rooms loaded in memory.', [['', stats.rooms]]);
  metric('quorum_sync_updates_in_total', 'counter', 'Document updates accepted from clients.', [['', stats.updatesIn]]);
  if (stats.updatesPersisted !== undefined) {
    metric('quorum_sync_updates_persisted_total', 'counter', 'Update rows appended to storage.', [
      ['', stats.updatesPersisted],
    ]);
  }
  if (stats.persistFailures !== undefined) {
    metric('quorum_sync_persist_failures_total', 'counter', 'Failed append batches.', [['', stats.persistFailures]]);
  }
  if (stats.pendingUpdates !== undefined) {
    metric('quorum_sync_pending_updates', 'gauge', 'Updates waiting to be written.', [['', stats.pendingUpdates]]);
  }
  if (stats.compactions !== undefined) {
    metric('quorum_sync_compactions_total', 'counter', 'Room compactions.', [['', stats.compactions]]);
  }
  const optionalCounter = (name: string, help: string, value: number | undefined) => {
    if (value !== undefined) metric(name, 'counter', help, [['', value]]);
  };
  optionalCounter(
    'quorum_sync_heals_total',
    'Heal passes over loaded rooms (storage re-read for what the fan-out missed).',
    stats.heals,
  );
  optionalCounter(
    'quorum_sync_healed_updates_total',
    'Changes found only by healing from storage (fan-out messages lost or late).',
    stats.healedUpdates,
  );
  optionalCounter(
    'quorum_sync_heal_failures_total',
    'Heal reads that failed (storage unreachable); retried on the next pass.',
    stats.healFailures,
  );
  if (fanOut) {
    metric(
      'quorum_fanout_redis_connected',
      'gauge',
      'Whether the Redis fan-out is connected and subscribed (1) or not (0).',
      [['', fanOut.connected ? 1 : 0]],
    );
    metric('quorum_fanout_redis_published_total', 'counter', 'Messages published to Redis.', [['', fanOut.published]]);
    metric(
      'quorum_fanout_redis_dropped_total',
      'counter',
      'Messages not published because Redis was down (other instances heal them from storage).',
      [['', fanOut.dropped]],
    );
    optionalCounter('quorum_fanout_redis_received_total', 'Messages received from Redis.', fanOut.received);
    optionalCounter(
      'quorum_fanout_redis_recoveries_total',
      'Times the Redis connection came back after an outage.',
      fanOut.recoveries,
    );
  }
  const l = stats.persistLatency;
  metric('quorum_sync_persist_latency_ms', 'summary', 'Time to append a batch of updates (recent batches).', [
    ['{quantile="0.5"}', l.p50Ms],
    ['{quantile="0.95"}', l.p95Ms],
    ['{quantile="0.99"}', l.p99Ms],
    ['_sum', l.sumMs],
    ['_count', l.count],
  ]);
  metric('quorum_sync_rate_limited_connections_total', 'counter', 'Connections closed for flooding messages.', [
    ['', counters.rateLimitedConnections],
  ]);
  metric('quorum_sync_refused_connections_total', 'counter', 'Upgrades refused for a connection cap or rate.', [
    ['', counters.refusedConnections ?? 0],
  ]);
  metric('quorum_sync_heartbeat_timeouts_total', 'counter', 'Sockets terminated for missing a pong.', [
    ['', counters.heartbeatTimeouts ?? 0],
  ]);
  metric('quorum_sync_revoked_connections_total', 'counter', 'Sockets closed because access was revoked.', [
    ['', counters.revokedConnections ?? 0],
  ]);
  return `${lines.join('\n')}\n`;
}
