import { createAuth } from '@quorum/auth';
import { createDb } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { until } from '@quorum/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createDatabaseProbe } from './probe.ts';

describe.each(testDatabaseKinds())('/healthz on %s', (kind) => {
  it('reports the database up, then down once it is gone (503)', async () => {
    const handle = await createTestDb(kind);
    const app = createApp({ db: handle.db, auth: createAuth({ db: handle.db }), origin: 'http://quorum.test' });
    const up = await app.request('/healthz');
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok', database: 'ok' });
    await handle.close();
    const down = await app.request('/healthz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'error', database: 'down' });
  });
});

describe('/healthz with Redis configured', () => {
  it('is degraded (200) while Redis is down and the database answers, ok once Redis is back', async () => {
    const handle = await createTestDb('pglite');
    let redisUp = false;
    const app = createApp({
      db: handle.db,
      auth: createAuth({ db: handle.db }),
      origin: 'http://quorum.test',
      redis: () => redisUp,
    });
    const degraded = await app.request('/healthz');
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toEqual({ status: 'degraded', database: 'ok', redis: 'down' });
    redisUp = true;
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
    await handle.close();
    const down = await app.request('/healthz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'error', database: 'down', redis: 'ok' });
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('/healthz on postgres under request traffic', () => {
  it('answers ok while every connection of the pool is held by a long query', async () => {
    const handle = await createTestDb('postgres');
    const observer = await createDb({ url: handle.url, poolSize: 1, migrate: false });
    try {
      const app = createApp({ db: handle.db, auth: createAuth({ db: handle.db }), origin: 'http://quorum.test' });
      // The pool has 5 connections: 6 sleeps hold all of them and leave one more request queued behind them.
      let settled = 0;
      const held = Array.from({ length: 6 }, () =>
        handle.db.execute(sql`select pg_sleep(600)`).then(
          () => (settled += 1),
          () => (settled += 1),
        ),
      );
      const sleeps = sql`from pg_stat_activity where datname = current_database() and query = 'select pg_sleep(600)'`;
      await until(async () => {
        const rows = await observer.db.execute(sql`select count(*)::int as n ${sleeps}`);
        return (rows as unknown as Array<{ n: number }>)[0]?.n === 5;
      });
      const res = await app.request('/healthz');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
      // Cancel the sleeps, and the queued one once it starts.
      await until(async () => {
        await observer.db.execute(sql`select pg_cancel_backend(pid) ${sleeps}`);
        return settled === held.length;
      });
    } finally {
      await observer.close();
      await handle.close();
    }
  });
});

describe('the database probe while its connection is busy (PGlite: one connection)', () => {
  it('answers with its last result (and when it was taken) until that is older than maxAgeMs, then reports down', async () => {
    const handle = await createTestDb('pglite');
    let clock = 1_000_000;
    const probe = createDatabaseProbe({
      db: handle.db,
      timeoutMs: 200,
      answerWithinMs: 50,
      maxAgeMs: 2000,
      now: () => clock,
    });
    try {
      expect(await probe.read()).toEqual({ database: 'ok', checkedAt: 1_000_000 });
      let open!: () => void;
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      const transaction = handle.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await gate;
      });
      clock += 1000;
      expect(await probe.read()).toEqual({ database: 'ok', checkedAt: 1_000_000 });
      clock += 5000;
      expect(await probe.read()).toEqual({ database: 'down', checkedAt: clock });
      open();
      await transaction;
      expect(await probe.read()).toEqual({ database: 'ok', checkedAt: clock });
    } finally {
      await probe.close();
      await handle.close();
    }
  });
});
