/**
 * The faults of issue 7, with real server processes on one Postgres and a Redis of this file's own:
 * - an instance SIGKILLed under load: its clients reconnect (through a proxy) to the others, and no edit is lost;
 * - Redis stopped and restarted: every instance keeps serving its own clients, /healthz says `degraded` (200), and
 *   the rooms converge once Redis is back (healed from Postgres);
 * - Postgres unreachable: /healthz is 503, a write is refused with 1013 rather than dropped, no client is served a
 *   document, and everything converges once Postgres is back.
 * Needs TEST_DATABASE_URL and REDIS_URL (skipped without them).
 */
import type { DbHandle } from '@quorum/db';
import { createTestDb } from '@quorum/db/testing';
import { createPostgresPersistence } from '@quorum/sync';
import { type RedisProcess, startRedisServer } from '@quorum/sync/testing/redis-server';
import { until } from '@quorum/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { startTcpProxy, type TcpProxy } from '../../infra/tcp-proxy.ts';
import {
  connectRoom,
  createDeal,
  health,
  type Instance,
  type RoomClient,
  signUp,
  startInstance,
} from './fixtures/cluster-instances.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const ready = Boolean(process.env.TEST_DATABASE_URL && process.env.REDIS_URL);
const describeCluster = ready ? describe : describe.skip;

describeCluster('cluster faults (needs TEST_DATABASE_URL and REDIS_URL)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  const clients: RoomClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function cluster(count: number) {
    const database: DbHandle & { url?: string } = await createTestDb('postgres');
    cleanups.push(() => database.close());
    const redis: RedisProcess = await startRedisServer();
    cleanups.push(() => redis.stop());
    const instances = await Promise.all(
      Array.from({ length: count }, () => startInstance({ DATABASE_URL: database.url!, REDIS_URL: redis.url })),
    );
    cleanups.push(async () => {
      for (const instance of instances) await instance.kill();
    });
    return { database, redis, instances };
  }

  const open = (base: string, room: string, cookie: string) => {
    const client = connectRoom(base, room, cookie);
    clients.push(client);
    return client;
  };

  it('SIGKILL of one instance under load: its clients move to the others and no edit is lost', async () => {
    const { database, instances } = await cluster(3);
    const proxy = await startTcpProxy({ backends: instances.map((i) => ({ host: '127.0.0.1', port: i.port })) });
    cleanups.push(() => proxy.close());
    const base = `http://127.0.0.1:${proxy.port}`;
    const cookie = await signUp(base, 'kim@acme.example');
    const dealId = await createDeal(base, cookie, 'Crash-proof deal');
    // Six clients through the proxy: two on each instance (round robin).
    const writers = Array.from({ length: 6 }, () => open(base, dealId, cookie));
    await until(() => writers.every((w) => w.provider.synced), { what: 'six clients to sync' });

    const written = writers.map(() => 0);
    let writing = true;
    const loops = writers.map(async (writer, index) => {
      while (writing) {
        writer.doc.getMap('edits').set(`w${index}-${written[index]!}`, Date.now());
        written[index]! += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    await until(() => written.every((n) => n >= 50), { what: 'a first wave of edits' });
    const victim = instances[0]!;
    await victim.kill();
    await until(() => writers.filter((w) => w.closeCodes.length > 0).length >= 2, {
      what: 'the victim clients to be cut off',
    });
    await until(() => written.every((n) => n >= 150), { what: 'a second wave of edits' });
    writing = false;
    await Promise.all(loops);

    const expected = writers.flatMap((_, index) =>
      Array.from({ length: written[index]! }, (__, n) => `w${index}-${n}`),
    );
    const missing = (doc: Y.Doc) => expected.filter((key) => !doc.getMap('edits').has(key));
    await until(() => writers.every((w) => missing(w.doc).length === 0), {
      what: 'every client to hold every edit',
      timeoutMs: 60_000,
    });

    // And Postgres holds every edit (what a client saw came from storage; what it wrote was re-sent on reconnect).
    await until(
      async () => {
        const stored = await createPostgresPersistence(database.db).load(dealId);
        const doc = new Y.Doc();
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(doc, update);
        return missing(doc).length === 0;
      },
      { what: 'every edit stored', timeoutMs: 60_000 },
    );
    // The survivors are healthy.
    for (const instance of instances.slice(1)) expect((await health(instance.base)).status).toBe(200);
  });

  it('Redis stopped: instances keep serving their own clients, /healthz is degraded, rooms converge when it returns', async () => {
    const { redis, instances } = await cluster(2);
    const [one, two] = instances as [Instance, Instance];
    const cookie = await signUp(one.base, 'lee@acme.example');
    const dealId = await createDeal(one.base, cookie, 'Redis outage');
    const [a1, a2, b] = [
      open(one.base, dealId, cookie),
      open(one.base, dealId, cookie),
      open(two.base, dealId, cookie),
    ];
    await until(() => [a1, a2, b].every((c) => c.provider.synced), { what: 'clients to sync' });

    await redis.stop();
    for (const instance of [one, two]) {
      await until(async () => (await health(instance.base)).body.redis === 'down', {
        what: `instance ${instance.port} to report Redis down`,
      });
      expect(await health(instance.base)).toEqual({
        status: 200,
        body: { status: 'degraded', database: 'ok', redis: 'down' },
      });
    }
    a1.doc.getText('notes').insert(0, 'from one, Redis down. ');
    b.doc.getMap('meta').set('title', 'renamed on two, Redis down');
    // Clients of the same instance still see each other.
    await until(() => a2.doc.getText('notes').toString() === 'from one, Redis down. ', {
      what: 'the local relay on one',
    });

    await redis.start();
    for (const instance of [one, two]) {
      await until(async () => (await health(instance.base)).body.status === 'ok', { what: 'health ok again' });
    }
    await until(
      () =>
        b.doc.getText('notes').toString() === 'from one, Redis down. ' &&
        a1.doc.getMap('meta').get('title') === 'renamed on two, Redis down',
      { what: 'convergence after Redis returns' },
    );
    // Live fan-out works again.
    a2.doc.getMap('meta').set('buyer', 'Initech');
    await until(() => b.doc.getMap('meta').get('buyer') === 'Initech', { what: 'live relay after the outage' });
  });

  it('Postgres unreachable: writes refused with 1013, no document served, convergence once it is back', async () => {
    const admin = new URL(process.env.TEST_DATABASE_URL!);
    // The database is created first (directly), then the instances reach it through a link that can be cut.
    let link: TcpProxy | null = null;
    const database: DbHandle & { url?: string } = await createTestDb('postgres');
    cleanups.push(() => database.close());
    link = await startTcpProxy({ backends: [{ host: admin.hostname, port: Number(admin.port || 5432) }] });
    cleanups.push(() => link?.close());
    const viaLink = new URL(database.url!);
    viaLink.host = `127.0.0.1:${link.port}`;
    const { instances } = await clusterOn(viaLink.toString());
    const [one, two] = instances as [Instance, Instance];

    const cookie = await signUp(one.base, 'max@acme.example');
    const dealId = await createDeal(one.base, cookie, 'Database outage');
    const a = open(one.base, dealId, cookie);
    const b = open(two.base, dealId, cookie);
    await until(() => a.provider.synced && b.provider.synced, { what: 'clients to sync' });

    link.block();
    for (const instance of [one, two]) {
      await until(async () => (await health(instance.base)).status === 503, { what: 'health 503' });
      expect((await health(instance.base)).body).toMatchObject({ status: 'error', database: 'down' });
    }
    a.doc.getText('notes').insert(0, 'written while Postgres was down');
    await until(() => a.closeCodes.includes(1013), { what: 'the writer to be refused with 1013' });
    // Never stored, so never relayed.
    expect(b.doc.getText('notes').toString()).toBe('');
    // A room nobody holds cannot be served: the connection is refused, and no document is ever synced.
    const late = open(two.base, `${dealId}/seller`, cookie);
    await until(() => late.closeCodes.length > 0, { what: 'the new connection to be refused' });
    // Refused as "try again later" (the session lookup fails first), never as an internal error.
    expect(late.closeCodes.every((code) => code === 1013)).toBe(true);
    expect(late.provider.synced).toBe(false);

    link.unblock();
    await until(
      () =>
        a.doc.getText('notes').toString() === 'written while Postgres was down' &&
        b.doc.getText('notes').toString() === 'written while Postgres was down',
      { what: 'the refused write to be re-sent, stored and relayed', timeoutMs: 60_000 },
    );
    await until(() => late.provider.synced, { what: 'the late room to load once Postgres is back', timeoutMs: 60_000 });
    expect((await health(one.base)).status).toBe(200);

    async function clusterOn(databaseUrl: string) {
      const redis = await startRedisServer();
      cleanups.push(() => redis.stop());
      const started = await Promise.all(
        [0, 1].map(() => startInstance({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url })),
      );
      cleanups.push(async () => {
        for (const instance of started) await instance.kill();
      });
      return { instances: started };
    }
  });
});
