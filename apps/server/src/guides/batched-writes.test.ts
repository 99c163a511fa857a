import { until } from '@quorum/testing';
import { describe, expect, it } from 'vitest';
import { BatchedWrites } from './batched-writes.ts';

/** A store whose writes finish when the test says so, recording each write's rows. */
function heldStore() {
  const writes: number[][] = [];
  const finish: Array<(error?: Error) => void> = [];
  const write = (rows: number[]) =>
    new Promise<void>((resolve, reject) => {
      writes.push(rows);
      finish.push((error) => (error ? reject(error) : resolve()));
    });
  return { writes, finish, write };
}

describe('BatchedWrites', () => {
  it('stores the rows of one turn in one write, one write at a time, and resolves each row once stored', async () => {
    const store = heldStore();
    const batched = new BatchedWrites(store.write);
    const stored: number[] = [];
    const first = [1, 2, 3].map((n) => batched.add(n).then(() => stored.push(n)));
    await until(() => store.writes.length === 1);
    const second = [4, 5].map((n) => batched.add(n).then(() => stored.push(n)));
    // 4 and 5 wait while the first write is in flight.
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.writes).toEqual([[1, 2, 3]]);
    expect(stored).toEqual([]);
    store.finish[0]!();
    await Promise.all(first);
    await until(() => store.writes.length === 2);
    expect(store.writes[1]).toEqual([4, 5]);
    expect(stored).toEqual([1, 2, 3]);
    store.finish[1]!();
    await Promise.all(second);
    expect(stored).toEqual([1, 2, 3, 4, 5]);
  });

  it('a failed write rejects its own rows only; the next batch is still written', async () => {
    const store = heldStore();
    const batched = new BatchedWrites(store.write, { maxBatch: 2 });
    const outcomes = [1, 2, 3].map((n) =>
      batched.add(n).then(
        () => 'stored',
        (error: Error) => error.message,
      ),
    );
    await until(() => store.writes.length === 1);
    expect(store.writes[0]).toEqual([1, 2]);
    store.finish[0]!(new Error('database down'));
    await until(() => store.writes.length === 2);
    expect(store.writes[1]).toEqual([3]);
    store.finish[1]!();
    expect(await Promise.all(outcomes)).toEqual(['database down', 'database down', 'stored']);
  });
});
