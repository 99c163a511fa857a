/**
 * Three real server processes on one Postgres, fanned out through Redis (issue 7): clients on different instances
 * edit one deal room as if it were one server, presence crosses instances, and a manager's dashboard on an instance
 * that does not even hold the room gets the deal's status events. Needs TEST_DATABASE_URL and REDIS_URL (skipped
 * without them); the Redis is a `redis-server` of this file's own.
 */
import type { DbHandle } from '@quorum/db';
import { createTestDb } from '@quorum/db/testing';
import { type RedisProcess, startRedisServer } from '@quorum/sync/testing/redis-server';
import { until } from '@quorum/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  connectRoom,
  createDeal,
  health,
  type Instance,
  joinAsMobilizer,
  openEvents,
  type RoomClient,
  signUp,
  startInstance,
} from './fixtures/cluster-instances.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ready = Boolean(process.env.TEST_DATABASE_URL && process.env.REDIS_URL);
const describeCluster = ready ? describe : describe.skip;

describeCluster('three instances on one Postgres and Redis (needs TEST_DATABASE_URL and REDIS_URL)', () => {
  let database: DbHandle & { url?: string };
  let redis: RedisProcess;
  let instances: Instance[] = [];
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    database = await createTestDb('postgres');
    redis = await startRedisServer();
    // Started at once: their migrations take turns under the advisory lock.
    instances = await Promise.all(
      [0, 1, 2].map(() => startInstance({ DATABASE_URL: database.url!, REDIS_URL: redis.url })),
    );
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const instance of instances) await instance.kill();
    await redis?.stop();
    await database?.close();
  });

  const open = (instance: Instance, room: string, cookie: string) => {
    const client = connectRoom(instance.base, room, cookie);
    clients.push(client);
    return client;
  };

  it('every instance is healthy with Redis', async () => {
    for (const instance of instances) {
      expect(await health(instance.base)).toEqual({
        status: 200,
        body: { status: 'ok', database: 'ok', redis: 'ok' },
      });
      // And /metrics shows the Redis fan-out's figures.
      const metrics = await (await fetch(`${instance.base}/metrics`)).text();
      expect(metrics).toMatch(/^quorum_fanout_redis_connected 1$/m);
      expect(metrics).toMatch(/^quorum_fanout_redis_dropped_total 0$/m);
    }
  });

  it('clients on three instances converge under concurrent edits, and presence crosses instances', async () => {
    const cookie = await signUp(instances[0]!.base, 'ada@acme.example');
    const dealId = await createDeal(instances[1]!.base, cookie, 'Fleet renewal');
    const [a, b, c] = instances.map((instance) => open(instance, dealId, cookie));
    await until(() => [a, b, c].every((client) => client!.provider.synced), { what: 'all three to sync' });
    // The deal's initial content (written by the instance that created it) reached everyone.
    expect(c!.doc.getMap('meta').get('title')).toBe('Fleet renewal');

    const writers = [a!, b!, c!];
    for (let round = 0; round < 60; round++) {
      writers.forEach((client, index) => {
        const notes = client.doc.getText('cluster-notes');
        notes.insert(round % 2 === 0 ? 0 : notes.length, `${index}:${round} `);
        client.doc.getMap('cluster-counters').set(`w${index}`, round);
      });
      if (round % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const text = (client: RoomClient) => client.doc.getText('cluster-notes').toString();
    // Each insert and each counter set is its own update, so wait for the last of both to arrive everywhere.
    const counters = (client: RoomClient) => [0, 1, 2].map((i) => client.doc.getMap('cluster-counters').get(`w${i}`));
    await until(
      () =>
        text(a!) === text(b!) &&
        text(b!) === text(c!) &&
        text(a!).length > 0 &&
        [a!, b!, c!].every((client) => counters(client).every((value) => value === 59)),
      { what: 'convergence' },
    );
    for (let index = 0; index < 3; index++) {
      for (let round = 0; round < 60; round++) expect(text(a!)).toContain(`${index}:${round} `);
      expect(c!.doc.getMap('cluster-counters').get(`w${index}`)).toBe(59);
    }

    // The server relays who the session says (name 'ada'), whatever name the client claims.
    a!.provider.awareness.setLocalStateField('user', { name: 'Someone else', colour: '#123456' });
    await until(
      () =>
        [...c!.provider.awareness.getStates().values()].some(
          (s) => s.user?.colour === '#123456' && s.user?.name === 'ada',
        ),
      { what: 'presence on instance 3' },
    );
    const adaId = a!.doc.clientID;
    a!.destroy();
    await until(() => !c!.provider.awareness.getStates().has(adaId), { what: 'presence removed on instance 3' });
  });

  it('a dashboard gets one event per change from three instances holding the room, and online counts people on all of them', async () => {
    const cookie = await signUp(instances[0]!.base, 'joan@initech.example', 'Initech');
    const dealId = await createDeal(instances[0]!.base, cookie, 'Printers');
    const dashboard = await openEvents(instances[0]!.base, cookie);
    try {
      await until(() => dashboard.events.some((e) => e.event === 'ready'), { what: 'the dashboard snapshot' });
      const statuses = () => dashboard.events.filter((e) => e.event === 'status' && e.data.id === dealId);
      // Two people, each through another instance (presence as the web app announces it; the server stamps who
      // each session is, so a client claiming another id changes nothing).
      const mobilizer = await joinAsMobilizer(instances[0]!.base, cookie, dealId, 'milo@initech-buyer.example');
      const a = open(instances[0]!, dealId, cookie);
      const b = open(instances[1]!, dealId, mobilizer);
      const c = open(instances[2]!, dealId, cookie); // A's second tab
      a.provider.awareness.setLocalStateField('user', { id: 'person-a', name: 'A' });
      b.provider.awareness.setLocalStateField('user', { id: 'person-a', name: 'A' });
      c.provider.awareness.setLocalStateField('user', { id: 'person-a', name: 'A' });
      await until(() => [a, b, c].every((client) => client!.provider.synced), { what: 'the three clients to sync' });
      await until(() => [a, b, c].every((x) => x!.provider.awareness.getStates().size === 3), {
        what: 'everyone to see everyone',
      });
      await until(() => statuses().at(-1)?.data.online === 2, { what: 'online 2 across instances' });

      // Each change, made through one instance, reaches the dashboard once, not once per instance holding the room.
      const writers = [a!, b!, c!, a!];
      for (const [round, writer] of writers.entries()) {
        writer.doc.getMap('meta').set('title', `Printers v${round}`);
        await until(() => statuses().some((e) => e.data.title === `Printers v${round}`), {
          what: `the event of change ${round}`,
        });
      }
      // Every change but the last is followed by another, so any duplicate of it has arrived (or been overtaken).
      for (let round = 0; round < writers.length - 1; round++) {
        expect(statuses().filter((e) => e.data.title === `Printers v${round}`)).toHaveLength(1);
      }
    } finally {
      dashboard.close();
    }
  });

  it("a manager's dashboard on an instance that does not hold the room gets the room's status events", async () => {
    const cookie = await signUp(instances[0]!.base, 'grace@globex.example', 'Globex');
    const dealId = await createDeal(instances[0]!.base, cookie, 'Warehouse robots');
    // Instance 2 never opens this room: its dashboard can only learn of changes through Redis.
    const dashboard = await openEvents(instances[1]!.base, cookie);
    try {
      await until(() => dashboard.events.some((e) => e.event === 'ready'), { what: 'the dashboard snapshot' });
      const editor = open(instances[2]!, dealId, cookie);
      await until(() => editor.provider.synced, { what: 'the editor to sync' });
      editor.doc.getMap('meta').set('title', 'Warehouse robots (phase 2)');
      await until(
        () =>
          dashboard.events.some(
            (e) => e.event === 'status' && e.data.id === dealId && e.data.title === 'Warehouse robots (phase 2)',
          ),
        { what: 'the status event on instance 2' },
      );
    } finally {
      dashboard.close();
    }
  });
});
