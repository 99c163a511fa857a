import { deals, mailOutbox, testDatabaseKinds, users } from '@quorum/db';
import { addStakeholder, computeStatus, readMeta, updateMeta } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { until } from '@quorum/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailHealthDrop } from '../mail/index.ts';
import { linkIn, mailTo, startSmtpSink, type TestMail } from '../mail/test-mail.ts';
import { createLocalStatusBus, type StatusEvent, StatusProjection } from '../status/index.ts';
import type { SyncContext } from '../sync/index.ts';
import { createTestApp, TEST_ORIGIN, type TestAccount, type TestApp } from '../testing/test-app.ts';
import { followMeta } from './update-deal.ts';

describe.each(testDatabaseKinds())('the deal’s life: rename, close, archive, reopen (%s)', (kind) => {
  let t: TestApp;
  let engine: RoomEngine<SyncContext>;
  let projection: StatusProjection;
  let mail: TestMail;
  let manager: TestAccount;
  let seller: TestAccount;
  let mobilizer: TestAccount;
  let dealId: string;
  const events: StatusEvent[] = [];

  async function shared<T>(read: (doc: import('yjs').Doc) => T): Promise<T> {
    const opened = await engine.openDoc(dealId);
    try {
      await opened.whenStored();
      return read(opened.doc);
    } finally {
      opened.release();
    }
  }
  const patch = (as: TestAccount, body: unknown) =>
    t.call('PATCH', `/api/deals/${dealId}`, { cookie: as.cookie, body });
  const row = async () => (await t.db.select().from(deals).where(eq(deals.id, dealId)))[0]!;

  beforeAll(async () => {
    const sink = await startSmtpSink();
    const bus = createLocalStatusBus();
    bus.subscribe((event) => events.push(event));
    t = await createTestApp(kind, (db) => {
      mail = mailTo(db, sink);
      engine = new RoomEngine<SyncContext>({
        persistence: createPostgresPersistence(db),
        hooks: { onChange: (room, doc, info) => projection.onChange(room, doc, info) },
      });
      // As main.ts wires it: the row follows the room's meta, and a band drop is mailed.
      projection = new StatusProjection({
        db,
        engine,
        bus,
        compute: (sharedDoc, seller, options) => computeStatus(sharedDoc, seller, options),
        debounceMs: 20,
        onStored: async ({ dealId: id, previous, status }) => {
          await followMeta(db, { dealId: id, status: { title: status.title, buyer: status.buyer } });
          await mailHealthDrop(
            { db, mailer: mail.mailer, origin: TEST_ORIGIN },
            { dealId: id, before: previous?.health, after: status.health },
          );
        },
      });
      return { engine, mailer: mail.mailer, status: { bus, projection } };
    });
    manager = await t.signup({ email: 'mia@acme.test', name: 'Mia', organization: 'Acme' });
    seller = await t.signup({ email: 'sam@acme.test', name: 'Sam' });
    const [m] = await t.db.select().from(users).where(eq(users.id, manager.id));
    await t.db
      .update(users)
      .set({ organizationId: m!.organizationId, orgRole: 'member' })
      .where(eq(users.id, seller.id));
    dealId = (
      await t.call('POST', '/api/deals', { cookie: seller.cookie, body: { title: 'Fleet', buyer: 'Nordwind' } })
    ).body.id;
    const invite = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email: 'mara@nordwind.test', role: 'mobilizer' },
    });
    mobilizer = await t.signup({ email: 'mara@nordwind.test' });
    await t.call('POST', `/api/invites/${new URL(invite.body.url).pathname.split('/').pop()}/accept`, {
      cookie: mobilizer.cookie,
    });
  });
  afterAll(async () => {
    await projection.stop();
    await engine.close();
    await mail.close();
    await t.close();
  });

  it('renames through the shared document’s meta and the row; managers (403) and Mobilizers (403) may not', async () => {
    const res = await patch(seller, { title: 'Fleet renewal 2026', buyer: 'Nordwind Logistics' });
    expect(res.status).toBe(200);
    expect(res.body.deal).toMatchObject({ title: 'Fleet renewal 2026', buyer: 'Nordwind Logistics', state: 'open' });
    expect(await shared((doc) => readMeta(doc))).toMatchObject({
      title: 'Fleet renewal 2026',
      buyer: 'Nordwind Logistics',
    });
    expect(await row()).toMatchObject({ title: 'Fleet renewal 2026', buyer: 'Nordwind Logistics' });

    const asManager = await patch(manager, { title: 'Mine now' });
    expect(asManager.status).toBe(403);
    expect(asManager.body.error.code).toBe('read_only');
    expect((await patch(mobilizer, { title: 'Ours' })).status).toBe(403);
    expect((await row()).title).toBe('Fleet renewal 2026');
  });

  it('makes the row follow a title typed in the room (through the status projection)', async () => {
    const opened = await engine.openDoc(dealId);
    try {
      updateMeta(opened.doc, { title: 'Typed in the room' });
    } finally {
      opened.release();
    }
    await until(async () => (await row()).title === 'Typed in the room');
    const list = await t.call('GET', '/api/deals', { cookie: seller.cookie });
    expect(list.body.deals.map((d: { title: string }) => d.title)).toEqual(['Typed in the room']);
  });

  it('needs a reason to close as lost or no decision; names the field', async () => {
    for (const state of ['lost', 'no-decision']) {
      const res = await patch(seller, { state });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('reason');
    }
    const empty = await patch(seller, {});
    expect(empty.status).toBe(400);
    expect((await patch(seller, { state: 'sold' })).body.error.field).toBe('state');
  });

  it('closes as no decision with a reason, tells open dashboards, and filters the lists by state', async () => {
    await projection.flush();
    events.length = 0;
    const res = await patch(seller, { state: 'no-decision', reason: 'They kept the old laptops for another year.' });
    expect(res.status).toBe(200);
    expect(res.body.deal).toMatchObject({
      state: 'no-decision',
      stateReason: 'They kept the old laptops for another year.',
    });
    expect((await row()).stateChangedAt).toBeInstanceOf(Date);
    expect(events.map((event) => [event.dealId, event.audience.state])).toEqual([[dealId, 'no-decision']]);

    const list = async (as: TestAccount, query = '') =>
      (await t.call('GET', `/api/deals${query}`, { cookie: as.cookie })).body.deals.map((d: { id: string }) => d.id);
    expect(await list(seller)).toEqual([]); // default: open
    expect(await list(seller, '?state=closed')).toEqual([dealId]);
    expect(await list(manager, '?state=closed')).toEqual([dealId]);
    expect(await list(mobilizer, '?state=all')).toEqual([dealId]);
    expect(await list(seller, '?state=archived')).toEqual([]);
    expect((await t.call('GET', '/api/deals?state=lost', { cookie: seller.cookie })).status).toBe(400);

    expect((await patch(seller, { state: 'archived' })).status).toBe(200);
    expect(await list(seller, '?state=archived')).toEqual([dealId]);
    expect(await list(seller, '?state=closed')).toEqual([]);

    const reopened = await patch(seller, { state: 'open' });
    expect(reopened.body.deal).toMatchObject({ state: 'open', stateReason: null });
    expect(await list(seller)).toEqual([dealId]);
  });

  it('mails the sellers and the org’s managers (not the Mobilizer) when health drops a band, once a day', async () => {
    const opened = await engine.openDoc(dealId);
    try {
      for (let i = 0; i < 3; i++) addStakeholder(opened.doc, { name: `Blocker ${i}`, profile: 'blocker' });
    } finally {
      opened.release();
    }
    const toSeller = await mail.next('sam@acme.test', /dropped from/);
    expect(toSeller.mail.subject).toMatch(/^Typed in the room dropped from (Green|Amber) to Red$/);
    expect(linkIn(toSeller, `${TEST_ORIGIN}/deals/`)).toBe(`${TEST_ORIGIN}/deals/${dealId}`);
    await mail.next('mia@acme.test', /dropped from/);
    const rows = await t.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'health-dropped'));
    expect(rows.map((r) => r.to).sort()).toEqual(['mia@acme.test', 'sam@acme.test']);

    // The same drop again the same day (another instance, a flapping deal) mails no one twice.
    await mailHealthDrop({ db: t.db, mailer: mail.mailer, origin: TEST_ORIGIN }, { dealId, before: 80, after: 10 });
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'health-dropped'))).toHaveLength(2);
    // Rising, or staying in a band, mails nothing.
    await mailHealthDrop({ db: t.db, mailer: mail.mailer, origin: TEST_ORIGIN }, { dealId, before: 10, after: 80 });
    await mailHealthDrop({ db: t.db, mailer: mail.mailer, origin: TEST_ORIGIN }, { dealId, before: 75, after: 71 });
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'health-dropped'))).toHaveLength(2);
  });
});
