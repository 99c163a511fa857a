import { randomUUID } from 'node:crypto';
import type { DbHandle } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RoomEngine } from '../engine/index.ts';
import { createPostgresPersistence } from '../persistence/index.ts';
import { connectClient, synced, type TestClient, until } from '../testing/clients.ts';
import { type RedisProcess, startRedisServer } from '../testing/redis-server.ts';
import { type EngineWsServer, serveEngine, type WsContext } from '../testing/ws-server.ts';
import type { FanOutMessage } from './fan-out.ts';
import { InProcessFanOut } from './in-process-fan-out.ts';
import { RedisFanOut } from './redis-fan-out.ts';

const REDIS_URL = process.env.REDIS_URL;
const describeRedis = REDIS_URL ? describe : describe.skip;

/** Two (or more) engines over one database, each with its own fan-out and its own ws server: instances in one process. */
interface Instance {
  engine: RoomEngine<WsContext>;
  server: EngineWsServer;
  fanOut: RedisFanOut | InProcessFanOut;
}

describeRedis('RedisFanOut on its own (needs REDIS_URL; skipped without it)', () => {
  const opened: RedisFanOut[] = [];
  afterEach(async () => {
    for (const fanOut of opened.splice(0)) await fanOut.close();
  });
  const open = (prefix: string) => {
    const fanOut = new RedisFanOut({ url: REDIS_URL!, prefix });
    opened.push(fanOut);
    return fanOut;
  };

  it('subscribe resolves once Redis confirmed it: a message published right after is delivered, ids included', async () => {
    const prefix = `test:${randomUUID()}:`;
    const [a, b] = [open(prefix), open(prefix)];
    expect(await a.ready()).toBe(true);
    expect(await b.ready()).toBe(true);
    const received: FanOutMessage[] = [];
    await b.subscribe('room-1', (message) => received.push(message));
    a.publish({ type: 'update', room: 'room-1', payload: new Uint8Array([1, 2, 3]), source: 'a', id: 41 });
    a.publish({ type: 'awareness', room: 'room-1', payload: new Uint8Array([9]), source: 'a' });
    a.publish({ type: 'update', room: 'room-2', payload: new Uint8Array([7]), source: 'a' });
    await until(() => received.length === 2);
    expect(received[0]).toEqual({
      type: 'update',
      room: 'room-1',
      payload: new Uint8Array([1, 2, 3]),
      source: 'a',
      id: 41,
    });
    expect(received[1]).toEqual({ type: 'awareness', room: 'room-1', payload: new Uint8Array([9]), source: 'a' });
    expect(b.stats()).toMatchObject({ connected: true, rooms: 1 });
  });

  it('after the last listener of a room unsubscribes, it receives nothing more for it', async () => {
    const prefix = `test:${randomUUID()}:`;
    const [a, b] = [open(prefix), open(prefix)];
    await Promise.all([a.ready(), b.ready()]);
    const first: FanOutMessage[] = [];
    const second: FanOutMessage[] = [];
    const stopFirst = await b.subscribe('r', (m) => first.push(m));
    const stopSecond = await b.subscribe('r', (m) => second.push(m));
    await stopFirst();
    a.publish({ type: 'update', room: 'r', payload: new Uint8Array([1]), source: 'a' });
    await until(() => second.length === 1);
    expect(first).toHaveLength(0);
    await stopSecond();
    expect(b.stats().rooms).toBe(0);
  });
});

describeRedis.each(testDatabaseKinds())('engines on one database, fanned out through Redis (%s)', (kind) => {
  let handle: DbHandle;
  let redis: RedisProcess;
  const instances: Instance[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    handle = await createTestDb(kind);
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis.stop();
    await handle.close();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const { engine, server, fanOut } of instances.splice(0)) {
      await server.close();
      await engine.close();
      if (fanOut instanceof RedisFanOut) await fanOut.close();
    }
  });

  async function instance({
    redisUrl = REDIS_URL!,
    prefix,
    healIntervalMs,
  }: {
    redisUrl?: string;
    prefix: string;
    healIntervalMs?: number;
  }): Promise<Instance> {
    const fanOut = new RedisFanOut({ url: redisUrl, prefix, onError: () => undefined });
    await fanOut.ready();
    const engine = new RoomEngine<WsContext>({
      persistence: createPostgresPersistence(handle.db),
      fanOut,
      healIntervalMs,
    });
    const server = await serveEngine(engine);
    const created = { engine, server, fanOut };
    instances.push(created);
    return created;
  }

  const client = (at: Instance, room: string) => {
    const c = connectClient(at.server.url, room);
    clients.push(c);
    return c;
  };

  it('clients on two instances converge under concurrent edits, and awareness crosses instances', async () => {
    const prefix = `test:${randomUUID()}:`;
    const [one, two] = [await instance({ prefix }), await instance({ prefix })];
    const a = client(one, 'deal-x');
    const b = client(two, 'deal-x');
    await Promise.all([synced(a), synced(b)]);
    const texts = [a, b].map((c) => c.doc.getText('t'));
    for (let i = 0; i < 100; i++) {
      texts[0]!.insert(0, `a${i} `);
      texts[1]!.insert(texts[1]!.length, `b${i} `);
      a.doc.getMap('m').set(`a${i}`, i);
    }
    await until(() => texts[0]!.toString() === texts[1]!.toString() && b.doc.getMap('m').size === 100);
    expect(texts[0]!.toString()).toContain('a99 ');
    expect(texts[0]!.toString()).toContain('b99 ');

    a.provider.awareness.setLocalStateField('user', { name: 'Ada on one' });
    await until(() =>
      [...b.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Ada on one'),
    );
    // Ada leaves: her presence disappears on the other instance too.
    const adaId = a.doc.clientID;
    a.destroy();
    await until(() => !b.provider.awareness.getStates().has(adaId));
  });

  it('Redis stopped: each instance serves its own clients; once Redis is back, the rooms converge', async () => {
    const prefix = `test:${randomUUID()}:`;
    // A long heal interval: the convergence below comes from the recovery heal, not from the timer.
    const [one, two] = [
      await instance({ redisUrl: redis.url, prefix, healIntervalMs: 600_000 }),
      await instance({ redisUrl: redis.url, prefix, healIntervalMs: 600_000 }),
    ];
    const [a1, a2] = [client(one, 'outage'), client(one, 'outage')];
    const b = client(two, 'outage');
    await Promise.all([synced(a1), synced(a2), synced(b)]);

    await redis.stop();
    await until(() => !(one.fanOut as RedisFanOut).connected && !(two.fanOut as RedisFanOut).connected);
    a1.doc.getText('t').insert(0, 'written while Redis was down; ');
    b.doc.getMap('m').set('from two', true);
    // Clients of the same instance still see each other at once.
    await until(() => a2.doc.getText('t').toString() === 'written while Redis was down; ');
    expect(b.doc.getText('t').toString()).toBe('');
    // A room first opened during the outage still loads and serves.
    const late = client(two, 'opened-during-outage');
    await synced(late);

    await redis.start();
    await until(() => (one.fanOut as RedisFanOut).connected && (two.fanOut as RedisFanOut).connected);
    await until(
      () =>
        b.doc.getText('t').toString() === 'written while Redis was down; ' &&
        a1.doc.getMap('m').get('from two') === true,
    );
    expect(one.engine.stats().healedUpdates + two.engine.stats().healedUpdates).toBeGreaterThanOrEqual(2);
    // And live fan-out works again.
    a2.doc.getMap('m').set('after', 1);
    await until(() => b.doc.getMap('m').get('after') === 1);
  });
});

describe.each(testDatabaseKinds())('healing from storage alone (%s)', (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('two engines whose fan-outs never meet converge through the stored log, compactions included', async () => {
    // Each engine has its own in-process fan-out: nothing is relayed between them, as if pub/sub lost everything.
    const engines = [0, 1].map(
      () =>
        new RoomEngine<WsContext>({
          persistence: createPostgresPersistence(handle.db),
          fanOut: new InProcessFanOut(),
          healIntervalMs: 100,
          compactAfterUpdates: 20,
        }),
    );
    const servers = await Promise.all(engines.map((engine) => serveEngine(engine)));
    const [a, b] = servers.map((server) => connectClient(server.url, 'lossy'));
    try {
      await Promise.all([synced(a!), synced(b!)]);
      for (let i = 0; i < 60; i++) {
        a!.doc.getText('t').insert(0, `a${i};`);
        b!.doc.getMap('m').set(`b${i}`, i);
        if (i % 10 === 0) a!.doc.getText('t').delete(0, 2);
        await new Promise((resolve) => setImmediate(resolve));
      }
      const expected = a!.doc.getText('t').toString();
      await until(() => b!.doc.getText('t').toString() === expected && a!.doc.getMap('m').size === 60, {
        intervalMs: 20,
      });
      expect(engines[0]!.stats().compactions + engines[1]!.stats().compactions).toBeGreaterThan(0);
      expect(engines[1]!.stats().healedUpdates).toBeGreaterThan(0);
    } finally {
      a!.destroy();
      b!.destroy();
      for (const server of servers) await server.close();
      for (const engine of engines) await engine.close();
    }
  });
});
