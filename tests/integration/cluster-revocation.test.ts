/**
 * Access and limits across instances (issue 10, defect 6): two real server processes on one Postgres and one Redis.
 * Logging out on one instance closes that session's socket on the other with 4401 (and leaves the user's other
 * session open); login attempts are counted across both instances. Needs TEST_DATABASE_URL and REDIS_URL (skipped
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
  type Instance,
  ORIGIN,
  type RoomClient,
  signUp,
  startInstance,
} from './fixtures/cluster-instances.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ready = Boolean(process.env.TEST_DATABASE_URL && process.env.REDIS_URL);
const describeCluster = ready ? describe : describe.skip;

async function login(base: string, email: string, password: string): Promise<{ status: number; cookie: string }> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

describeCluster('access revocations and limits across two instances (needs TEST_DATABASE_URL and REDIS_URL)', () => {
  let database: DbHandle & { url?: string };
  let redis: RedisProcess;
  let instances: Instance[] = [];
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    database = await createTestDb('postgres');
    redis = await startRedisServer();
    instances = await Promise.all(
      [0, 1].map(() => startInstance({ DATABASE_URL: database.url!, REDIS_URL: redis.url })),
    );
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const instance of instances) await instance.kill();
    await redis?.stop();
    await database?.close();
  });

  it("logging out on one instance closes that session's socket on the other with 4401, and only that one", async () => {
    const [a, b] = instances as [Instance, Instance];
    const first = await signUp(a.base, 'ada@acme.example');
    const dealId = await createDeal(a.base, first, 'Fleet renewal');
    const second = (await login(b.base, 'ada@acme.example', 'correct horse battery')).cookie;
    const leaving = connectRoom(b.base, dealId, first);
    const staying = connectRoom(b.base, dealId, second);
    clients.push(leaving, staying);
    await until(() => leaving.provider.synced && staying.provider.synced, {
      what: 'both sessions to sync on instance B',
    });

    const logout = await fetch(`${a.base}/api/auth/logout`, {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: first },
    });
    expect(logout.status).toBe(200);
    await until(() => leaving.closeCodes.includes(4401), { what: 'the logged-out socket on B to close with 4401' });
    expect(staying.closeCodes).toEqual([]);
    expect(staying.provider.wsconnected).toBe(true);
  });

  it('counts login attempts across instances: the eleventh wrong password is refused whichever instance gets it', async () => {
    const [a, b] = instances as [Instance, Instance];
    await signUp(a.base, 'erin@acme.example');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await login(i % 2 === 0 ? a.base : b.base, 'erin@acme.example', `guess number ${i}`)).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});
