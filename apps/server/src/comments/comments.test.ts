import { testDatabaseKinds, users } from '@quorum/db';
import { readObjections, readStakeholders } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionNotice } from '../notifications/index.ts';
import type { SyncContext } from '../sync/index.ts';
import { readSse } from '../testing/sse-reader.ts';
import { createTestApp, type TestAccount, type TestApp } from '../testing/test-app.ts';

describe.each(testDatabaseKinds())('comments and notifications by side (%s)', (kind) => {
  let t: TestApp;
  let engine: RoomEngine<SyncContext>;
  let seller: TestAccount;
  let mobilizer: TestAccount;
  let manager: TestAccount;
  let dealId: string;
  let objectionId: string;
  let stakeholderId: string;
  const mentions: MentionNotice[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind, (db) => {
      engine = new RoomEngine<SyncContext>({ persistence: createPostgresPersistence(db) });
      return { engine, comments: { onMention: (m) => void mentions.push(m), heartbeatMs: 50 } };
    });
    seller = await t.signup({ email: 'sam@acme.test', name: 'Sam Seller', organization: 'Acme Devices' });
    dealId = (await t.call('POST', '/api/deals/sample', { cookie: seller.cookie })).body.id;
    const invite = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email: 'mara@nordwind.test', role: 'mobilizer' },
    });
    mobilizer = await t.signup({ email: 'mara@nordwind.test', name: 'Mara Jensen' });
    const token = new URL(invite.body.url).pathname.split('/').pop();
    expect((await t.call('POST', `/api/invites/${token}/accept`, { cookie: mobilizer.cookie })).status).toBe(200);
    // A manager of the seller's organization who is not on the deal.
    manager = await t.signup({ email: 'meg@acme.test', name: 'Meg Manager' });
    const [sam] = await t.db.select().from(users).where(eq(users.id, seller.id));
    await t.db
      .update(users)
      .set({ organizationId: sam!.organizationId, orgRole: 'manager' })
      .where(eq(users.id, manager.id));
    const opened = await engine.openDoc(dealId);
    await opened.whenStored();
    objectionId = readObjections(opened.doc)[0]!.id;
    stakeholderId = readStakeholders(opened.doc)[0]!.id;
    opened.release();
  });

  afterAll(async () => {
    await engine.close();
    await t.close();
  });

  const startThread = (as: TestAccount, body: Record<string, unknown>) =>
    t.call('POST', `/api/deals/${dealId}/threads`, { cookie: as.cookie, body });
  const threadsOf = async (as: TestAccount, query = '') =>
    t.call('GET', `/api/deals/${dealId}/threads${query}`, { cookie: as.cookie });
  const notificationsOf = async (as: TestAccount) =>
    (await t.call('GET', '/api/notifications', { cookie: as.cookie })).body;

  it('a shared thread with a mention: everyone on the deal reads it, the mentioned Mobilizer is notified and mailed', async () => {
    const res = await startThread(seller, {
      side: 'shared',
      record: { kind: 'objection', id: objectionId },
      body: '@Mara Jensen can you ask the CFO about this?',
      mentions: [mobilizer.id],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      side: 'shared',
      record: { kind: 'objection', id: objectionId },
      createdBy: { id: seller.id, name: 'Sam Seller' },
      resolvedAt: null,
      comments: [
        { body: '@Mara Jensen can you ask the CFO about this?', mentions: [{ id: mobilizer.id, name: 'Mara Jensen' }] },
      ],
    });
    for (const reader of [seller, mobilizer, manager]) {
      const list = await threadsOf(reader, `?record=objection:${objectionId}`);
      expect(list.status).toBe(200);
      expect(list.body.threads.map((th: { id: string }) => th.id)).toContain(res.body.id);
    }
    const inbox = await notificationsOf(mobilizer);
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    expect(inbox.notifications[0]).toMatchObject({
      kind: 'mention',
      dealId,
      payload: { threadId: res.body.id, side: 'shared', author: { name: 'Sam Seller' } },
    });
    expect(inbox.notifications[0].payload.record.label).toMatch(/^objection “.+”$/);
    const mail = mentions.find((m) => m.notification.payload.threadId === res.body.id);
    expect(mail?.to).toMatchObject({ id: mobilizer.id, email: 'mara@nordwind.test' });

    // The reply notifies the thread's starter; resolving and reopening work for both writers.
    const reply = await t.call('POST', `/api/threads/${res.body.id}/comments`, {
      cookie: mobilizer.cookie,
      body: { body: 'Yes, on Thursday.' },
    });
    expect(reply.status).toBe(201);
    expect((await notificationsOf(seller)).notifications[0]).toMatchObject({
      kind: 'reply',
      payload: { threadId: res.body.id, excerpt: 'Yes, on Thursday.', author: { name: 'Mara Jensen' } },
    });
    const resolved = await t.call('PATCH', `/api/threads/${res.body.id}`, {
      cookie: mobilizer.cookie,
      body: { resolved: true },
    });
    expect(resolved.body).toMatchObject({ resolvedBy: { id: mobilizer.id } });
    expect(resolved.body.comments).toHaveLength(2);
    const reopened = await t.call('PATCH', `/api/threads/${res.body.id}`, {
      cookie: seller.cookie,
      body: { resolved: false },
    });
    expect(reopened.body).toMatchObject({ resolvedAt: null, resolvedBy: null });

    const read = await t.call('POST', '/api/notifications/read', { cookie: mobilizer.cookie, body: {} });
    expect(read.body.unread).toBe(0);
    expect((await notificationsOf(mobilizer)).unread).toBe(0);
  });

  it('a seller-only thread never reaches the Mobilizer: no list, count, route, notification or live event', async () => {
    const mobilizerStream = readSse(
      await t.app.request(`/api/deals/${dealId}/events/comments`, { headers: { cookie: mobilizer.cookie } }),
    );
    const mobilizerBell = readSse(
      await t.app.request('/api/notifications/events', { headers: { cookie: mobilizer.cookie } }),
    );
    await mobilizerStream.next((e) => e.event === 'ready');
    await mobilizerBell.next((e) => e.event === 'ready');

    const secret = 'SECRET: walk-away price is 410k';
    const res = await startThread(seller, {
      side: 'seller',
      record: { kind: 'objection', id: objectionId },
      body: secret,
    });
    expect(res.status).toBe(201);
    const reply = await t.call('POST', `/api/threads/${res.body.id}/comments`, {
      cookie: seller.cookie,
      body: { body: `${secret} (confirmed)` },
    });
    expect(reply.status).toBe(201);
    // A shared thread afterwards: once the Mobilizer's stream has it, anything sent before it has arrived too.
    const marker = await startThread(seller, {
      side: 'shared',
      record: { kind: 'objection', id: objectionId },
      body: 'A shared question',
      mentions: [mobilizer.id],
    });
    await mobilizerStream.next((e) => e.event === 'thread' && e.data.includes(marker.body.id));
    await mobilizerBell.next((e) => e.event === 'notification' && e.data.includes(marker.body.id));
    expect(mobilizerStream.raw()).not.toContain(res.body.id);
    expect(mobilizerStream.raw()).not.toContain('SECRET');
    expect(mobilizerBell.raw()).not.toContain('SECRET');

    const all = JSON.stringify((await threadsOf(mobilizer)).body);
    const onRecord = JSON.stringify((await threadsOf(mobilizer, `?record=objection:${objectionId}`)).body);
    for (const text of [all, onRecord]) {
      expect(text).toContain(marker.body.id);
      expect(text).not.toContain(res.body.id);
      expect(text).not.toContain('SECRET');
    }
    const counts = (await t.call('GET', `/api/deals/${dealId}/comment-counts`, { cookie: mobilizer.cookie })).body
      .counts;
    expect(counts.every((c: { side: string }) => c.side !== 'seller')).toBe(true);
    expect(
      (await t.call('POST', `/api/threads/${res.body.id}/comments`, { cookie: mobilizer.cookie, body: { body: 'hi' } }))
        .status,
    ).toBe(404);
    expect(
      (await t.call('PATCH', `/api/threads/${res.body.id}`, { cookie: mobilizer.cookie, body: { resolved: true } }))
        .status,
    ).toBe(404);
    expect(
      (await t.call('GET', `/api/deals/${dealId}/mentionable?side=seller`, { cookie: mobilizer.cookie })).status,
    ).toBe(403);
    expect(JSON.stringify(await notificationsOf(mobilizer))).not.toContain('SECRET');

    // The seller and the manager see it, counted on its side.
    const sellerCounts = (await t.call('GET', `/api/deals/${dealId}/comment-counts`, { cookie: manager.cookie })).body
      .counts;
    expect(sellerCounts).toContainEqual(
      expect.objectContaining({
        record: { kind: 'objection', id: objectionId },
        side: 'seller',
        threads: 1,
        comments: 2,
      }),
    );
    expect(JSON.stringify((await threadsOf(manager)).body)).toContain(secret);
    await mobilizerStream.close();
    await mobilizerBell.close();
  });

  it('a buyer-only thread never reaches the seller or the manager', async () => {
    const sellerStream = readSse(
      await t.app.request(`/api/deals/${dealId}/events/comments`, { headers: { cookie: seller.cookie } }),
    );
    await sellerStream.next((e) => e.event === 'ready');
    const res = await startThread(mobilizer, {
      side: 'buyer',
      record: { kind: 'stakeholder', id: stakeholderId },
      body: 'BUYER ONLY: our CFO will block this',
    });
    expect(res.status).toBe(201);
    const marker = await startThread(mobilizer, {
      side: 'shared',
      record: { kind: 'stakeholder', id: stakeholderId },
      body: 'shared marker',
    });
    await sellerStream.next((e) => e.event === 'thread' && e.data.includes(marker.body.id));
    expect(sellerStream.raw()).not.toContain('BUYER ONLY');
    for (const reader of [seller, manager]) {
      expect(JSON.stringify((await threadsOf(reader)).body)).not.toContain('BUYER ONLY');
      expect(
        (await t.call('POST', `/api/threads/${res.body.id}/comments`, { cookie: reader.cookie, body: { body: 'x' } }))
          .status,
      ).toBe(404);
    }
    await sellerStream.close();
  });

  it('a manager reads shared and seller threads but cannot write in them', async () => {
    const shared = await startThread(seller, {
      side: 'shared',
      record: { kind: 'stakeholder', id: stakeholderId },
      body: 'a',
    });
    const own = await startThread(seller, {
      side: 'seller',
      record: { kind: 'blocker-plan', id: stakeholderId },
      body: 'b',
    });
    const listed = (await threadsOf(manager)).body.threads.map((th: { id: string }) => th.id);
    expect(listed).toEqual(expect.arrayContaining([shared.body.id, own.body.id]));
    for (const side of ['shared', 'seller']) {
      const res = await startThread(manager, { side, record: { kind: 'stakeholder', id: stakeholderId }, body: 'c' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('read_only');
    }
    for (const thread of [shared, own]) {
      const reply = await t.call('POST', `/api/threads/${thread.body.id}/comments`, {
        cookie: manager.cookie,
        body: { body: 'c' },
      });
      expect(reply.status).toBe(403);
      const patch = await t.call('PATCH', `/api/threads/${thread.body.id}`, {
        cookie: manager.cookie,
        body: { resolved: true },
      });
      expect(patch.status).toBe(403);
    }
    // The seller may mention the manager on the seller side, never on the shared one (the buyer does not learn of them).
    const seller_side = await t.call('GET', `/api/deals/${dealId}/mentionable?side=seller`, { cookie: seller.cookie });
    expect(seller_side.body.people.map((p: { id: string }) => p.id)).toEqual([manager.id]);
    const shared_side = await t.call('GET', `/api/deals/${dealId}/mentionable?side=shared`, { cookie: seller.cookie });
    expect(shared_side.body.people.map((p: { id: string }) => p.id)).toEqual([mobilizer.id]);
  });

  it('refuses a mention of someone who cannot read the side (400), and sides that do not suit the record', async () => {
    const onSeller = await startThread(seller, {
      side: 'seller',
      record: { kind: 'objection', id: objectionId },
      body: '@Mara Jensen',
      mentions: [mobilizer.id],
    });
    expect(onSeller.status).toBe(400);
    expect(onSeller.body.error).toMatchObject({ code: 'invalid_input', field: 'mentions' });
    expect(onSeller.body.error.message).toContain('Mara Jensen cannot read');
    const onBuyer = await startThread(mobilizer, {
      side: 'buyer',
      record: { kind: 'objection', id: objectionId },
      body: '@Sam',
      mentions: [seller.id],
    });
    expect(onBuyer.status).toBe(400);
    expect(onBuyer.body.error.field).toBe('mentions');
    const stranger = await startThread(seller, {
      side: 'shared',
      record: { kind: 'objection', id: objectionId },
      body: '@who',
      mentions: ['0b9f5d1e-8a3c-4e6f-9d2a-1c3b5e7f9a0b'],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.message).not.toContain('0b9f5d1e');
    const blocker = await startThread(seller, {
      side: 'shared',
      record: { kind: 'blocker-plan', id: stakeholderId },
      body: 'x',
    });
    expect(blocker.status).toBe(400);
    expect(blocker.body.error.field).toBe('side');
    const notMine = await startThread(mobilizer, {
      side: 'seller',
      record: { kind: 'objection', id: objectionId },
      body: 'x',
    });
    expect(notMine.status).toBe(403);
    const missing = await startThread(seller, {
      side: 'shared',
      record: { kind: 'objection', id: '0b9f5d1e-8a3c-4e6f-9d2a-1c3b5e7f9a0b' },
      body: 'x',
    });
    expect(missing.status).toBe(404);
    const long = await startThread(seller, {
      side: 'shared',
      record: { kind: 'objection', id: objectionId },
      body: 'x'.repeat(4001),
    });
    expect(long.status).toBe(400);
    expect(long.body.error.field).toBe('body');
  });

  it('a stream of someone removed from the deal ends, and no thread reaches it afterwards', async () => {
    const stream = readSse(
      await t.app.request(`/api/deals/${dealId}/events/comments`, { headers: { cookie: mobilizer.cookie } }),
    );
    await stream.next((e) => e.event === 'ready');
    const { dealMembers } = await import('@quorum/db');
    const { and } = await import('drizzle-orm');
    await t.db.delete(dealMembers).where(and(eq(dealMembers.dealId, dealId), eq(dealMembers.userId, mobilizer.id)));
    await stream.next((e) => e.event === 'revoked');
    await startThread(seller, {
      side: 'shared',
      record: { kind: 'objection', id: objectionId },
      body: 'AFTER REMOVAL',
    });
    expect(stream.raw()).not.toContain('AFTER REMOVAL');
    expect((await threadsOf(mobilizer)).status).toBe(404);
    await stream.close();
  });
});
