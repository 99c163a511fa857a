import { until } from '@quorum/testing';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, DbHandle } from '../create-db.ts';
import { mailOutbox } from '../schema/index.ts';
import { createTestDb, testDatabaseKinds } from '../test-db.ts';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker.ts';

// The worker drains any table with the outbox columns; mail_outbox is one such table.
type Row = typeof mailOutbox.$inferSelect;

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe.each(testDatabaseKinds())('outbox worker on %s', (kind) => {
  let handle: DbHandle;
  let db: Database;
  const workers: OutboxWorker<typeof mailOutbox>[] = [];
  const errors: string[] = [];

  beforeEach(async () => {
    handle = await createTestDb(kind);
    db = handle.db;
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    errors.length = 0;
    await handle.close();
  });

  const enqueue = async (n: number, dueInMs = 0) => {
    await db.insert(mailOutbox).values(
      Array.from({ length: n }, (_, i) => ({
        dedupeKey: `k:${Math.random()}:${i}`,
        to: `r${i}@example.com`,
        subject: `s${i}`,
        text: 't',
        html: 'h',
        kind: 'test',
        nextAttemptAt: sql`now() + ${dueInMs} * interval '1 millisecond'`,
      })),
    );
  };
  const rows = () => db.select().from(mailOutbox).orderBy(mailOutbox.to);
  const worker = (options: Partial<OutboxWorkerOptions<typeof mailOutbox>>) => {
    const created: OutboxWorker<typeof mailOutbox> = new OutboxWorker({
      db,
      table: mailOutbox,
      name: 'test outbox',
      delivery: 'at-least-once',
      pollMs: 10,
      backoffBaseMs: 10,
      log: { error: (message) => errors.push(message) },
      process: async () => undefined,
      ...options,
    });
    workers.push(created);
    return created;
  };
  const settle = async (rows: Row[]): Promise<void> => {
    await Promise.all(
      rows.map((row) => db.update(mailOutbox).set({ status: 'sent' }).where(eq(mailOutbox.id, row.id))),
    );
  };

  it('claims each due row once, marked sending with its attempt counted, in rounds of batchSize', async () => {
    await enqueue(7);
    await enqueue(1, 60_000);
    const seen: Row[][] = [];
    const w = worker({ batchSize: 3, process: async (claimed) => void seen.push(claimed) });
    expect(await w.runOnce()).toBe(3);
    expect(await w.runOnce()).toBe(3);
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(0);
    const claimed = seen.flat();
    expect(new Set(claimed.map((row) => row.id)).size).toBe(7);
    expect(claimed.every((row) => row.status === 'sending' && row.attempts === 1 && row.claimedAt)).toBe(true);
    expect((await rows()).filter((row) => row.status === 'pending')).toHaveLength(1);
  });

  it('two workers on one database never claim the same row', async () => {
    await enqueue(40);
    const claimed: string[] = [];
    const process = async (batch: Row[]) => {
      for (const row of batch) claimed.push(row.id);
      await settle(batch);
    };
    const a = worker({ batchSize: 4, process });
    const b = worker({ batchSize: 4, process });
    a.start();
    b.start();
    await until(async () => (await rows()).every((row) => row.status === 'sent'), { what: 'every row sent' });
    expect(claimed).toHaveLength(40);
    expect(new Set(claimed).size).toBe(40);
  });

  it('polls for rows enqueued later, and wake() looks at once', async () => {
    const seen: string[] = [];
    const w = worker({
      pollMs: 60_000,
      process: async (batch) => {
        for (const row of batch) seen.push(row.to);
        await settle(batch);
      },
    });
    w.start();
    await enqueue(2);
    w.wake();
    await until(() => seen.length === 2, { what: 'the woken round' });

    const polling = worker({ pollMs: 10, process: async (batch) => void seen.push(...batch.map((row) => row.to)) });
    polling.start();
    await enqueue(1);
    await until(() => seen.length === 3, { what: 'the polled round' });
  });

  it('retryOrFail backs off exponentially, then fails after maxAttempts; a permanent failure fails at once', async () => {
    await enqueue(1);
    const w = worker({ maxAttempts: 2, backoffBaseMs: 60_000, backoffCapMs: 90_000 });
    const [row] = await db.select().from(mailOutbox);
    const outcomes: string[] = [];
    // Claim by hand (one round), then settle it the way a sender would.
    const claimOnce = async () => {
      const claimed: Row[] = [];
      const once = worker({ process: async (batch) => void claimed.push(...batch) });
      await once.runOnce();
      return claimed;
    };
    const [first] = await claimOnce();
    outcomes.push(await w.retryOrFail(first!, { set: { lastError: 'busy' } }));
    let [stored] = await rows();
    expect(stored!.status).toBe('pending');
    expect(stored!.lastError).toBe('busy');
    const delay = stored!.nextAttemptAt.getTime() - Date.now();
    expect(delay).toBeGreaterThan(30_000);
    expect(delay).toBeLessThanOrEqual(61_000);

    await db.update(mailOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(mailOutbox.id, row!.id));
    const [second] = await claimOnce();
    expect(second!.attempts).toBe(2);
    outcomes.push(await w.retryOrFail(second!, { set: { lastError: 'still busy' } }));
    [stored] = await rows();
    expect(stored!.status).toBe('failed');
    expect(stored!.lastError).toBe('still busy');

    await enqueue(1);
    const [fresh] = await claimOnce();
    outcomes.push(await w.retryOrFail(fresh!, { permanent: true }));
    expect(outcomes).toEqual(['retrying', 'failed', 'failed']);
  });

  it('at-most-once: an expired lease is failed and reported, never resent', async () => {
    await enqueue(1);
    const expired: Row[] = [];
    const processed: Row[] = [];
    const w = worker({
      delivery: 'at-most-once',
      leaseMs: 1_000,
      onLeaseExpired: (rows) => expired.push(...rows),
      process: async (batch) => void processed.push(...batch),
    });
    await w.runOnce();
    await db.update(mailOutbox).set({ claimedAt: sql`now() - interval '1 hour'` });
    expect(await w.runOnce()).toBe(0);
    expect(processed).toHaveLength(1);
    expect(expired).toHaveLength(1);
    const [stored] = await rows();
    expect(stored!.status).toBe('failed');
    expect(stored!.lastError).toContain('outcome unknown after a crash');
  });

  it('at-least-once: an expired lease is released and sent again; a live one is left alone', async () => {
    await enqueue(1);
    const processed: Row[] = [];
    const w = worker({ leaseMs: 60_000, process: async (batch) => void processed.push(...batch) });
    await w.runOnce();
    expect(await w.runOnce()).toBe(0);
    await db.update(mailOutbox).set({ claimedAt: sql`now() - interval '1 hour'` });
    expect(await w.runOnce()).toBe(1);
    expect(processed.map((row) => row.attempts)).toEqual([1, 2]);
    expect(processed[1]!.lastError).toContain('sent again');
  });

  it('hold: claims due rows as held without counting an attempt; a worker without hold claims them later', async () => {
    await enqueue(2);
    const held = worker({ hold: true });
    expect(await held.runOnce()).toBe(2);
    expect(await held.runOnce()).toBe(0);
    expect((await rows()).map((row) => [row.status, row.attempts])).toEqual([
      ['held', 0],
      ['held', 0],
    ]);
    const sending = worker({ process: settle });
    expect(await sending.runOnce()).toBe(2);
    expect((await rows()).map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('a failing round is logged and the next poll runs again', async () => {
    await enqueue(1);
    let calls = 0;
    const w = worker({
      leaseMs: 0,
      process: async (batch) => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
        await settle(batch);
      },
    });
    w.start();
    await until(async () => (await rows())[0]!.status === 'sent', { what: 'the retried row sent' });
    expect(errors).toEqual(['test outbox round failed; trying again at the next poll']);
  });

  it('stop waits for the round in flight and leaves no timer behind', async () => {
    await enqueue(1);
    const before = timers();
    let release: () => void = () => undefined;
    let finished = false;
    const w = worker({
      pollMs: 5,
      process: async (batch) => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        await settle(batch);
        finished = true;
      },
    });
    w.start();
    await until(async () => (await rows())[0]!.status === 'sending', { what: 'the row claimed' });
    const stopped = w.stop();
    release();
    await stopped;
    expect(finished).toBe(true);
    expect(w.running).toBe(false);
    expect(timers()).toBe(before);
    w.wake();
    expect(timers()).toBe(before);
  });
});
