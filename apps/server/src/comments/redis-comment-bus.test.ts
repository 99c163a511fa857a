import { randomUUID } from 'node:crypto';
import { createAuth } from '@quorum/auth';
import { createTestDb, type DbHandle, users } from '@quorum/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type QuorumApp } from '../app.ts';
import { readSse } from '../testing/sse-reader.ts';
import { TEST_ORIGIN } from '../testing/test-app.ts';
import { createRedisCommentBus, type RedisCommentBus } from './redis-comment-bus.ts';

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)('comments on two instances through Redis (needs REDIS_URL)', () => {
  let handle: DbHandle;
  const buses: RedisCommentBus[] = [];
  let one: QuorumApp;
  let two: QuorumApp;

  beforeAll(async () => {
    handle = await createTestDb(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
    const auth = createAuth({ db: handle.db });
    const channel = `quorum:comments:test:${randomUUID()}`;
    const instance = () => {
      const bus = createRedisCommentBus({ url: redisUrl!, channel });
      buses.push(bus);
      return createApp({
        db: handle.db,
        auth,
        origin: TEST_ORIGIN,
        log: () => undefined,
        comments: { bus, heartbeatMs: 50 },
      });
    };
    one = instance();
    two = instance();
    for (const bus of buses) expect(await bus.ready()).toBe(true);
  });

  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await handle.close();
  });

  const call = async (app: QuorumApp, method: string, path: string, cookie?: string, body?: unknown) => {
    const headers: Record<string, string> = { origin: TEST_ORIGIN };
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(`${TEST_ORIGIN}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json(), cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
  };

  it('a comment posted on one instance reaches a listener on the other, and a notification its bell there', async () => {
    const seller = await call(one, 'POST', '/api/auth/signup', undefined, {
      email: 'sam@acme.test',
      name: 'Sam',
      password: 'a long enough password',
      organization: 'Acme',
    });
    const deal = await call(one, 'POST', '/api/deals', seller.cookie, { title: 'Laptops', buyer: 'Nordwind' });
    const invite = await call(one, 'POST', `/api/deals/${deal.body.id}/invites`, seller.cookie, {
      email: 'mara@nordwind.test',
      role: 'mobilizer',
    });
    const mobilizer = await call(two, 'POST', '/api/auth/signup', undefined, {
      email: 'mara@nordwind.test',
      name: 'Mara',
      password: 'a long enough password',
    });
    const token = new URL(invite.body.url).pathname.split('/').pop();
    expect((await call(two, 'POST', `/api/invites/${token}/accept`, mobilizer.cookie, {})).status).toBe(200);
    const [mara] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'mara@nordwind.test'));

    const stream = readSse(
      await two.request(`/api/deals/${deal.body.id}/events/comments`, { headers: { cookie: mobilizer.cookie } }),
    );
    const bell = readSse(await two.request('/api/notifications/events', { headers: { cookie: mobilizer.cookie } }));
    await stream.next((e) => e.event === 'ready');
    await bell.next((e) => e.event === 'ready');

    const record = { kind: 'objection', id: randomUUID() };
    const secret = await call(one, 'POST', `/api/deals/${deal.body.id}/threads`, seller.cookie, {
      side: 'seller',
      record,
      body: 'SELLER ONLY',
    });
    expect(secret.status).toBe(201);
    const thread = await call(one, 'POST', `/api/deals/${deal.body.id}/threads`, seller.cookie, {
      side: 'shared',
      record,
      body: 'Can you check with the CFO?',
      mentions: [mara!.id],
    });
    expect(thread.status).toBe(201);
    const reply = await call(one, 'POST', `/api/threads/${thread.body.id}/comments`, seller.cookie, {
      body: 'Thanks!',
    });
    expect(reply.status).toBe(201);

    const event = await stream.next((e) => e.event === 'comment' && e.data.includes(reply.body.id));
    expect(JSON.parse(event.data)).toMatchObject({ threadId: thread.body.id, comment: { body: 'Thanks!' } });
    expect(stream.events.some((e) => e.event === 'thread' && e.data.includes(thread.body.id))).toBe(true);
    const notification = await bell.next((e) => e.event === 'notification');
    expect(JSON.parse(notification.data)).toMatchObject({ kind: 'mention', payload: { threadId: thread.body.id } });
    expect(stream.raw()).not.toContain('SELLER ONLY');
    await stream.close();
    await bell.close();
  });
});
