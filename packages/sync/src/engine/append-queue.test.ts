import { type DbHandle, docUpdates } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresPersistence } from '../persistence/index.ts';
import { until } from '../testing/clients.ts';
import { AppendQueue, type PendingAppend } from './append-queue.ts';

type Entry = PendingAppend<string, string>;

const entry = (room: string, seq: number): Entry => ({
  room,
  roomName: room,
  update: new Uint8Array([0, 0]),
  seq,
  origin: `sender-${seq}`,
});
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe.each(testDatabaseKinds())('AppendQueue (%s)', (kind) => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  const rows = async (room: string) =>
    (await handle.db.select({ n: count() }).from(docUpdates).where(sql`${docUpdates.room} = ${room}`))[0]!.n;

  it('writes a backlog as several bounded INSERTs (never one past Postgres’s parameter limit), in order', async () => {
    const persisted: number[] = [];
    const sizes: number[] = [];
    const inner = createPostgresPersistence(handle.db);
    const queue = new AppendQueue<string, string>(
      { ...inner, append: (entries) => (sizes.push(entries.length), inner.append(entries)) },
      {
        persisted: (batch) => persisted.push(...batch.map((e) => e.seq)),
        failed: (_batch, error) => {
          throw error;
        },
      },
    );
    // A backlog of 3,500 rows in one turn goes out as batches of at most 1,000 (the default): 33,000 rows as one
    // INSERT would pass Postgres's 65,535 parameters and fail the whole batch.
    for (let seq = 1; seq <= 3_500; seq++) queue.add(entry('backlog', seq));
    await until(() => persisted.length === 3_500);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1000);
    expect(persisted).toEqual(Array.from({ length: 3_500 }, (_, i) => i + 1));
    expect(await rows('backlog')).toBe(3_500);
    queue.stop();
  });

  it('writes each turn as one append, several at once, and reports them stored in order', async () => {
    const persisted: number[][] = [];
    const queue = new AppendQueue<string, string>(createPostgresPersistence(handle.db), {
      persisted: (batch) => persisted.push(batch.map((e) => e.seq)),
      failed: (_batch, error) => {
        throw error;
      },
    });
    let seq = 0;
    for (let turn = 0; turn < 30; turn++) {
      for (let i = 0; i < 20; i++) queue.add(entry('ordered', ++seq));
      await nextTurn();
    }
    await until(() => queue.size === 0);
    const order = persisted.flat();
    expect(order).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    expect(persisted.length).toBeLessThanOrEqual(30);
    expect(await rows('ordered')).toBe(600);
    queue.stop();
  });

  it("reports a room's updates once stored, without waiting for an earlier batch of other rooms", async () => {
    const inner = createPostgresPersistence(handle.db);
    // The first append (room "slow") waits until released; later appends go straight through.
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let calls = 0;
    const persistence = {
      ...inner,
      append: async (entries: Parameters<typeof inner.append>[0]) => {
        calls += 1;
        if (calls === 1) await firstHeld;
        return inner.append(entries);
      },
    };
    const persisted: string[] = [];
    const queue = new AppendQueue<string, string>(persistence, {
      persisted: (batch) => persisted.push(...batch.map((e) => `${e.roomName}:${e.seq}`)),
      failed: (_batch, error) => {
        throw error;
      },
    });
    queue.add(entry('slow', 1));
    await nextTurn();
    queue.add(entry('fast', 1));
    queue.add(entry('slow', 2));
    await nextTurn();
    // The second batch is stored: "fast" goes out, "slow" 2 waits behind "slow" 1.
    await until(() => persisted.includes('fast:1'));
    expect(persisted).toEqual(['fast:1']);
    releaseFirst();
    await until(() => queue.size === 0);
    expect(persisted).toEqual(['fast:1', 'slow:1', 'slow:2']);
    queue.stop();
  });

  it('retries a failed batch in place, reports its senders, and drains in order once storage is back', async () => {
    const persisted: number[] = [];
    const failedSenders = new Set<string>();
    const queue = new AppendQueue<string, string>(
      createPostgresPersistence(handle.db),
      {
        persisted: (batch) => persisted.push(...batch.map((e) => e.seq)),
        failed: (batch) => {
          for (const e of batch) failedSenders.add(e.origin!);
        },
      },
      { maxRetryDelayMs: 20 },
    );
    await handle.db.execute(sql.raw('alter table doc_updates rename to doc_updates_away'));
    queue.add(entry('retried', 1));
    await until(() => failedSenders.has('sender-1'));
    queue.add(entry('retried', 2));
    queue.add(entry('retried', 3));
    await nextTurn();
    expect(persisted).toEqual([]);
    await handle.db.execute(sql.raw('alter table doc_updates_away rename to doc_updates'));
    await queue.drain();
    expect(persisted).toEqual([1, 2, 3]);
    expect(queue.size).toBe(0);
    expect(await rows('retried')).toBe(3);
    queue.stop();
  });
});
