import { Counter, Gauge, type Histogram, Registry } from 'prom-client';
import type { FanOutStats, ServerCounters, SyncStats, WebhookStats } from './figures.ts';
import { createPersistLatency } from './persist-latency.ts';

/** Sources of {@link createMetricsRegistry}, read at each scrape. */
export interface MetricsSources {
  /** The sync engine's figures. */
  stats: () => SyncStats;
  counters: ServerCounters;
  /** The Redis fan-out's figures, when the instance relays through Redis (its metrics are absent otherwise). */
  fanOut?: () => FanOutStats;
  /** The webhook sender's counts. */
  webhooks?: () => WebhookStats;
  /** The persist latency histogram the engine's persistence feeds (`timedPersistence`); default: a new, empty one. */
  persistLatency?: Histogram;
}

/**
 * One prom-client `Registry` for one app: gauges and counters read from the engine's, the fan-out's, the
 * server's and the webhook sender's figures when scraped, and the persist latency histogram.
 */
export function createMetricsRegistry({
  stats,
  counters,
  fanOut,
  webhooks,
  persistLatency = createPersistLatency(),
}: MetricsSources): Registry {
  const registry = new Registry();
  const registers = [registry];
  const gauge = (name: string, help: string, read: () => number | undefined) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read() ?? 0);
      },
    });
  /** A counter whose total is kept elsewhere (the engine counts since it started): copied at each scrape. */
  const total = (name: string, help: string, read: () => number | undefined) =>
    new Counter({
      name,
      help,
      registers,
      collect() {
        this.reset();
        this.inc(read() ?? 0);
      },
    });

  gauge('quorum_sync_connections', 'Open websocket connections.', () => stats().connections);
  gauge('quorum_sync_rooms', 'Rooms loaded in memory.', () => stats().rooms);
  gauge('quorum_sync_pending_updates', 'Updates waiting to be written.', () => stats().pendingUpdates);
  gauge('quorum_sync_queued_bytes', 'Bytes of updates waiting to be written.', () => stats().queuedBytes);
  total('quorum_sync_updates_in_total', 'Document updates accepted from clients.', () => stats().updatesIn);
  total('quorum_sync_updates_persisted_total', 'Update rows appended to storage.', () => stats().updatesPersisted);
  total('quorum_sync_persist_failures_total', 'Failed append batches.', () => stats().persistFailures);
  total('quorum_sync_compactions_total', 'Room compactions.', () => stats().compactions);
  total(
    'quorum_sync_heals_total',
    'Heal passes over loaded rooms (storage re-read for what the fan-out missed).',
    () => stats().heals,
  );
  total(
    'quorum_sync_healed_updates_total',
    'Changes found only by healing from storage (fan-out messages lost or late).',
    () => stats().healedUpdates,
  );
  total(
    'quorum_sync_heal_failures_total',
    'Heal reads that failed (storage unreachable); retried on the next pass.',
    () => stats().healFailures,
  );
  total(
    'quorum_sync_closed_slow_clients_total',
    'Connections closed (1013) for not reading their output.',
    () => stats().closedSlowClients,
  );
  total(
    'quorum_sync_refused_oversize_total',
    'Updates refused because the document would grow past its limit (4413).',
    () => stats().refusedOversize,
  );
  total(
    'quorum_sync_refused_busy_total',
    'Updates refused because storage was too far behind (1013).',
    () => stats().refusedBusy,
  );
  total(
    'quorum_sync_refused_pending_total',
    'Updates whose missing dependencies passed the pending limit (1007).',
    () => stats().refusedPending,
  );
  total(
    'quorum_sync_dropped_awareness_total',
    'Awareness entries dropped (foreign or too many client ids, too large, or sanitized away).',
    () => stats().droppedAwareness,
  );
  registry.registerMetric(persistLatency);

  if (fanOut) {
    gauge(
      'quorum_fanout_redis_connected',
      'Whether the Redis fan-out is connected and subscribed (1) or not (0).',
      () => (fanOut().connected ? 1 : 0),
    );
    total('quorum_fanout_redis_published_total', 'Messages published to Redis.', () => fanOut().published);
    total(
      'quorum_fanout_redis_dropped_total',
      'Messages not published because Redis was down (other instances heal them from storage).',
      () => fanOut().dropped,
    );
    total('quorum_fanout_redis_received_total', 'Messages received from Redis.', () => fanOut().received);
    total(
      'quorum_fanout_redis_recoveries_total',
      'Times the Redis connection came back after an outage.',
      () => fanOut().recoveries,
    );
  }

  total(
    'quorum_sync_rate_limited_connections_total',
    'Connections closed for flooding messages.',
    () => counters.rateLimitedConnections,
  );
  total(
    'quorum_sync_refused_connections_total',
    'Upgrades refused for a connection cap or rate.',
    () => counters.refusedConnections,
  );
  total(
    'quorum_sync_heartbeat_timeouts_total',
    'Sockets terminated for missing a pong.',
    () => counters.heartbeatTimeouts,
  );
  total(
    'quorum_sync_revoked_connections_total',
    'Sockets closed because access was revoked.',
    () => counters.revokedConnections,
  );

  if (webhooks) {
    new Counter({
      name: 'quorum_webhook_deliveries_total',
      help: 'Webhook delivery outcomes: delivered (2xx), retried (an attempt failed), failed (given up).',
      labelNames: ['outcome'] as const,
      registers,
      collect() {
        const figures = webhooks();
        this.reset();
        for (const outcome of ['delivered', 'retried', 'failed'] as const) this.inc({ outcome }, figures[outcome]);
      },
    });
  }
  return registry;
}
