import { createAuth } from '@quorum/auth';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { createPostgresPersistence, InProcessFanOut, RedisFanOut, RoomEngine } from '@quorum/sync';
import { connectClient, synced, type TestClient, until } from '@quorum/sync/testing/clients';
import { startRedisServer } from '@quorum/sync/testing/redis-server';
import { type EngineWsServer, serveEngine, type WsContext } from '@quorum/sync/testing/ws-server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createApp } from '../app.ts';
import type { SyncContext } from '../sync/index.ts';
import { WebhookSender } from '../webhooks/index.ts';
import { createPersistLatency, timedPersistence } from './persist-latency.ts';
import { metricsRoutes } from './routes.ts';

/** The value of an unlabelled sample, after checking its HELP and TYPE lines are there. */
function sample(text: string, name: string, type: 'counter' | 'gauge'): number {
  expect(text).toMatch(new RegExp(`^# HELP ${name} \\S`, 'm'));
  expect(text).toContain(`# TYPE ${name} ${type}\n`);
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  if (!match) throw new Error(`no sample of ${name} in:\n${text}`);
  return Number(match[1]);
}

/** An engine served on a bare ws server, with GET /metrics over its figures (and its Redis fan-out's). */
async function instance(
  persistence: ReturnType<typeof createPostgresPersistence>,
  fanOut: InProcessFanOut | RedisFanOut,
) {
  const engine = new RoomEngine<WsContext>({
    persistence,
    fanOut,
    healIntervalMs: 0,
    hooks: { onError: () => undefined },
  });
  const server: EngineWsServer = await serveEngine(engine);
  const routes = metricsRoutes({
    stats: () => engine.stats(),
    counters: { rateLimitedConnections: 0 },
    fanOut: fanOut instanceof RedisFanOut ? () => fanOut.stats() : undefined,
  });
  const metrics = async () => (await routes.request('/metrics')).text();
  return { engine, server, metrics };
}

describe.each(testDatabaseKinds())('/metrics on %s', (kind) => {
  it('exposes the engine figures in Prometheus text, and they move with the rooms', async () => {
    const handle = await createTestDb(kind);
    const persistLatency = createPersistLatency();
    const engine = new RoomEngine<SyncContext>({
      persistence: timedPersistence(createPostgresPersistence(handle.db), persistLatency),
    });
    try {
      const app = createApp({
        db: handle.db,
        auth: createAuth({ db: handle.db }),
        engine,
        origin: 'http://q.test',
        metrics: { persistLatency },
        webhooks: { sender: new WebhookSender({ db: handle.db }) },
      });
      const read = async () => {
        const res = await app.request('/metrics');
        expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
        return res.text();
      };
      const before = await read();
      for (const name of [
        'quorum_sync_connections',
        'quorum_sync_rooms',
        'quorum_sync_updates_in_total',
        'quorum_sync_persist_latency_ms',
        'quorum_sync_queued_bytes',
        'quorum_sync_closed_slow_clients_total',
        'quorum_sync_refused_oversize_total',
        'quorum_sync_refused_busy_total',
        'quorum_sync_refused_pending_total',
        'quorum_sync_dropped_awareness_total',
        'quorum_sync_rate_limited_connections_total',
        'quorum_webhook_deliveries_total',
      ]) {
        expect(before).toContain(`# TYPE ${name} `);
      }
      expect(before).toContain('# TYPE quorum_sync_persist_latency_ms histogram\n');
      expect(before).toMatch(/^quorum_sync_rooms 0$/m);
      expect(before).toMatch(/^quorum_sync_persist_latency_ms_count 0$/m);
      expect(before).toMatch(/^quorum_webhook_deliveries_total\{outcome="delivered"\} 0$/m);

      const opened = await engine.openDoc('metrics-room');
      opened.doc.getMap('m').set('k', 1);
      await opened.whenStored();
      const after = await read();
      expect(after).toMatch(/^quorum_sync_rooms 1$/m);
      // Each append is one observation, in buckets every instance shares (so they add up across instances).
      const count = Number(/^quorum_sync_persist_latency_ms_count (\d+)$/m.exec(after)?.[1]);
      expect(count).toBeGreaterThanOrEqual(1);
      expect(after).toMatch(new RegExp(`^quorum_sync_persist_latency_ms_bucket\\{le="\\+Inf"\\} ${count}$`, 'm'));
      expect(after).toMatch(/^quorum_sync_persist_latency_ms_bucket\{le="10000"\} \d+$/m);
      opened.release();
      expect(Y.encodeStateAsUpdate(opened.doc).length).toBeGreaterThan(2);
    } finally {
      await engine.close();
      await handle.close();
    }
  });
});

describe.each(testDatabaseKinds())('/metrics: healing, persistence failures and pending updates on %s', (kind) => {
  it('counts heals, healed updates, heal and persist failures and pending updates as they happen', async () => {
    const handle = await createTestDb(kind);
    const persistence = createPostgresPersistence(handle.db);
    // Two instances whose fan-outs never meet: the second learns the first's edits only by healing from storage.
    const one = await instance(persistence, new InProcessFanOut());
    const two = await instance(persistence, new InProcessFanOut());
    const clients: TestClient[] = [];
    let databaseOpen = true;
    try {
      const [a, b] = [connectClient(one.server.url, 'lossy'), connectClient(two.server.url, 'lossy')];
      clients.push(a, b);
      await Promise.all([synced(a), synced(b)]);
      const before = await two.metrics();
      expect(sample(before, 'quorum_sync_heals_total', 'counter')).toBe(0);
      expect(sample(before, 'quorum_sync_healed_updates_total', 'counter')).toBe(0);
      expect(sample(before, 'quorum_sync_heal_failures_total', 'counter')).toBe(0);
      expect(sample(before, 'quorum_sync_persist_failures_total', 'counter')).toBe(0);
      expect(sample(before, 'quorum_sync_pending_updates', 'gauge')).toBe(0);
      expect(before).not.toContain('quorum_fanout_redis');

      a.doc.getMap('m').set('from one', 1);
      await until(() => one.engine.stats().pendingUpdates === 0 && one.engine.stats().updatesPersisted > 0);
      await two.engine.heal();
      await until(() => b.doc.getMap('m').get('from one') === 1);
      const healed = await two.metrics();
      expect(sample(healed, 'quorum_sync_heals_total', 'counter')).toBe(1);
      expect(sample(healed, 'quorum_sync_healed_updates_total', 'counter')).toBeGreaterThanOrEqual(1);

      // The database goes away: the next edit cannot be stored and waits; healing cannot read.
      await handle.close();
      databaseOpen = false;
      b.doc.getMap('m').set('from two', 2);
      await until(() => two.engine.stats().persistFailures > 0);
      const down = await two.metrics();
      expect(sample(down, 'quorum_sync_persist_failures_total', 'counter')).toBeGreaterThanOrEqual(1);
      expect(sample(down, 'quorum_sync_pending_updates', 'gauge')).toBeGreaterThanOrEqual(1);
      // b was closed with 1013 when its write failed; a is still connected to instance one.
      await one.engine.heal();
      expect(sample(await one.metrics(), 'quorum_sync_heal_failures_total', 'counter')).toBe(1);
    } finally {
      for (const client of clients) client.destroy();
      for (const { server, engine } of [one, two]) {
        await server.close();
        await engine.close().catch(() => undefined); // what the lost database holds back cannot be flushed
      }
      if (databaseOpen) await handle.close();
    }
  });
});

const describeRedis = process.env.REDIS_URL ? describe : describe.skip;

describeRedis('/metrics: the Redis fan-out (needs REDIS_URL; skipped without it)', () => {
  it('shows Redis connected, counts what is published, and what is dropped while Redis is down', async () => {
    const handle = await createTestDb('pglite');
    const redis = await startRedisServer();
    const fanOut = new RedisFanOut({ url: redis.url, onError: () => undefined });
    const one = await instance(createPostgresPersistence(handle.db), fanOut);
    expect(await fanOut.ready()).toBe(true);
    const client = connectClient(one.server.url, 'relayed');
    try {
      await synced(client);
      const up = await one.metrics();
      expect(sample(up, 'quorum_fanout_redis_connected', 'gauge')).toBe(1);
      const published = sample(up, 'quorum_fanout_redis_published_total', 'counter');
      expect(sample(up, 'quorum_fanout_redis_dropped_total', 'counter')).toBe(0);

      client.doc.getMap('m').set('k', 1);
      await until(() => fanOut.stats().published > published);
      expect(sample(await one.metrics(), 'quorum_fanout_redis_published_total', 'counter')).toBeGreaterThan(published);

      await redis.stop();
      await until(() => !fanOut.connected);
      client.doc.getMap('m').set('k', 2);
      await until(() => fanOut.stats().dropped > 0);
      const down = await one.metrics();
      expect(sample(down, 'quorum_fanout_redis_connected', 'gauge')).toBe(0);
      expect(sample(down, 'quorum_fanout_redis_dropped_total', 'counter')).toBeGreaterThanOrEqual(1);
    } finally {
      client.destroy();
      await one.server.close();
      await one.engine.close();
      await fanOut.close();
      await redis.stop();
      await handle.close();
    }
  });
});
