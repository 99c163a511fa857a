import { randomUUID } from 'node:crypto';
import { startRedisServer } from '@quorum/sync/testing/redis-server';
import { until } from '@quorum/testing';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisChannel, type RedisChannel } from './redis-channel.ts';

const REDIS_URL = process.env.REDIS_URL;

type Note = { n: number };
const isNote = (value: unknown): value is Note =>
  typeof value === 'object' && value !== null && typeof (value as Note).n === 'number';

describe.skipIf(!REDIS_URL)('Redis channel (needs REDIS_URL; skipped without it)', () => {
  const channels: RedisChannel<Note>[] = [];
  const errors: string[] = [];
  afterEach(async () => {
    for (const channel of channels.splice(0)) await channel.close();
    errors.length = 0;
  });
  const open = (url: string, channel: string) => {
    const opened = createRedisChannel<Note>({
      url,
      channel,
      name: 'test',
      accept: isNote,
      onError: (_error, during) => errors.push(during),
    });
    channels.push(opened);
    return opened;
  };

  it('a message published on one instance reaches every subscribed instance, its own included, once', async () => {
    const name = `test:channel:${randomUUID()}`;
    const [one, two] = [open(REDIS_URL!, name), open(REDIS_URL!, name)];
    expect(await one.ready()).toBe(true);
    expect(await two.ready()).toBe(true);
    expect(one.connected).toBe(true);
    const onOne: Note[] = [];
    const onTwo: Note[] = [];
    one.subscribe((note) => onOne.push(note));
    const unsubscribe = two.subscribe((note) => onTwo.push(note));
    expect(await one.publish({ n: 1 })).toBe('sent');
    expect(await two.publish({ n: 2 })).toBe('sent');
    await until(() => onOne.length === 2 && onTwo.length === 2, { what: 'both notes on both instances' });
    expect(onOne).toEqual([{ n: 1 }, { n: 2 }]);
    expect(onTwo).toEqual([{ n: 1 }, { n: 2 }]);

    unsubscribe();
    await one.publish({ n: 3 });
    await until(() => onOne.length === 3, { what: 'the third note on one' });
    expect(onTwo).toHaveLength(2);
  });

  it('drops what is not JSON or not accepted, and reports undecodable messages', async () => {
    const name = `test:channel:${randomUUID()}`;
    const one = open(REDIS_URL!, name);
    expect(await one.ready()).toBe(true);
    const received: Note[] = [];
    one.subscribe((note) => received.push(note));
    const raw = new Redis(REDIS_URL!);
    try {
      await raw.publish(name, 'not json');
      await raw.publish(name, JSON.stringify({ n: 'one' }));
      await raw.publish(name, JSON.stringify({ n: 4 }));
    } finally {
      raw.disconnect();
    }
    await until(() => received.length === 1, { what: 'the accepted note' });
    expect(received).toEqual([{ n: 4 }]);
    expect(errors).toEqual(['decoding a message']);
  });

  it('answers unsent while Redis is down (and reports it once), sent again once it is back', async () => {
    const redis = await startRedisServer();
    try {
      const name = `test:channel:${randomUUID()}`;
      const [one, two] = [open(redis.url, name), open(redis.url, name)];
      expect(await one.ready()).toBe(true);
      expect(await two.ready()).toBe(true);
      const onTwo: Note[] = [];
      two.subscribe((note) => onTwo.push(note));

      await redis.stop();
      await until(() => !one.connected, { what: 'one to see Redis down' });
      expect(await one.publish({ n: 5 })).toBe('unsent');
      await until(() => errors.length > 0, { what: 'the outage reported' });
      const reported = errors.length;

      await redis.start();
      expect(await one.ready({ timeoutMs: 10_000 })).toBe(true);
      expect(await two.ready({ timeoutMs: 10_000 })).toBe(true);
      expect(await one.publish({ n: 6 })).toBe('sent');
      await until(() => onTwo.length === 1, { what: 'the note after the outage' });
      expect(onTwo).toEqual([{ n: 6 }]);
      expect(reported).toBeLessThanOrEqual(2);
    } finally {
      await redis.stop();
    }
  });

  it('after close, publishes nothing and is never ready', async () => {
    const one = open(REDIS_URL!, `test:channel:${randomUUID()}`);
    expect(await one.ready()).toBe(true);
    await one.close();
    expect(await one.publish({ n: 7 })).toBe('closed');
    expect(await one.ready({ timeoutMs: 100 })).toBe(false);
    expect(one.connected).toBe(false);
  });
});
