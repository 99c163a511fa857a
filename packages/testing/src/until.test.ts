import { describe, expect, it } from 'vitest';
import { until } from './index.ts';

describe('until', () => {
  it('resolves once a synchronous check holds', async () => {
    let calls = 0;
    await until(() => ++calls === 3, { intervalMs: 1 });
    expect(calls).toBe(3);
  });

  it('resolves once an asynchronous check holds', async () => {
    let calls = 0;
    await until(async () => ++calls === 2, { intervalMs: 1 });
    expect(calls).toBe(2);
  });

  it('fails naming what it waited for when the check never holds', async () => {
    await expect(until(() => false, { what: 'the room to sync', timeoutMs: 20, intervalMs: 1 })).rejects.toThrow(
      'timed out waiting for the room to sync',
    );
  });

  it('names "a condition" when told nothing', async () => {
    await expect(until(() => false, { timeoutMs: 0, intervalMs: 1 })).rejects.toThrow(
      'timed out waiting for a condition',
    );
  });
});
