import { randomUUID } from 'node:crypto';
import { startRedisServer } from '@quorum/sync/testing/redis-server';
import { until } from '@quorum/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisStatusBus, type RedisStatusBus } from './redis-status-bus.ts';
import type { StatusEvent } from './status-bus.ts';

const REDIS_URL = process.env.REDIS_URL;
const describeRedis = REDIS_URL ? describe : describe.skip;

const event = (dealId: string, health: number): StatusEvent => ({
  dealId,
  audience: { organizationId: 'org-1', members: [{ userId: 'user-1', role: 'seller' }] },
  status: { id: dealId, health },
  sharedStatus: { id: dealId, health },
  changed: { full: true, shared: true },
});

describeRedis('Redis status bus (needs REDIS_URL; skipped without it)', () => {
  const buses: RedisStatusBus[] = [];
  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.close();
  });
  const open = (url: string, channel: string) => {
    const bus = createRedisStatusBus({ url, channel, onError: () => undefined });
    buses.push(bus);
    return bus;
  };

  it('an event published on one instance reaches the listeners of every instance, its own included, once', async () => {
    const channel = `test:status:${randomUUID()}`;
    const [one, two] = [open(REDIS_URL!, channel), open(REDIS_URL!, channel)];
    expect(await one.ready()).toBe(true);
    expect(await two.ready()).toBe(true);
    const onOne: StatusEvent[] = [];
    const onTwo: StatusEvent[] = [];
    one.subscribe((e) => onOne.push(e));
    two.subscribe((e) => onTwo.push(e));
    await one.publish(event('deal-1', 70));
    await two.publish(event('deal-2', 40));
    await until(() => onOne.length === 2 && onTwo.length === 2);
    expect(onTwo.map((e) => [e.dealId, e.status.health])).toEqual([
      ['deal-1', 70],
      ['deal-2', 40],
    ]);
    expect(onOne[0]).toEqual(event('deal-1', 70));
    expect(one.listenerCount()).toBe(1);
  });

  it('while Redis is down, local dashboards still get their events; once it is back, events cross again', async () => {
    const redis = await startRedisServer();
    try {
      const channel = `test:status:${randomUUID()}`;
      const [one, two] = [open(redis.url, channel), open(redis.url, channel)];
      await Promise.all([one.ready(), two.ready()]);
      const onOne: StatusEvent[] = [];
      const onTwo: StatusEvent[] = [];
      one.subscribe((e) => onOne.push(e));
      two.subscribe((e) => onTwo.push(e));

      await redis.stop();
      await until(() => !one.connected);
      await one.publish(event('deal-down', 10));
      expect(onOne.map((e) => e.dealId)).toEqual(['deal-down']);

      await redis.start();
      expect(await one.ready({ timeoutMs: 10_000 })).toBe(true);
      expect(await two.ready({ timeoutMs: 10_000 })).toBe(true);
      await one.publish(event('deal-back', 90));
      await until(() => onTwo.some((e) => e.dealId === 'deal-back'));
      expect(onTwo.map((e) => e.dealId)).toEqual(['deal-back']);
    } finally {
      await redis.stop();
    }
  });
});
