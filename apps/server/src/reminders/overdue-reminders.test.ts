import { mailOutbox, testDatabaseKinds } from '@quorum/db';
import { addStakeholder, addVerifier, computeStatus, tickVerifier, updateVerifier } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { until } from '@quorum/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { linkIn, mailTo, startSmtpSink, type TestMail } from '../mail/test-mail.ts';
import { createLocalStatusBus, StatusProjection } from '../status/index.ts';
import type { SyncContext } from '../sync/index.ts';
import { createTestApp, TEST_ORIGIN, type TestAccount, type TestApp } from '../testing/test-app.ts';
import { remindOverdueVerifiers } from './index.ts';

describe.each(testDatabaseKinds())('overdue verifier reminders on %s', (kind) => {
  let t: TestApp;
  let engine: RoomEngine<SyncContext>;
  let projection: StatusProjection;
  let mail: TestMail;
  let seller: TestAccount;
  let mobilizer: TestAccount;
  let dealId: string;
  const ids: Record<string, string> = {};

  async function write(change: (doc: Y.Doc) => void): Promise<void> {
    const opened = await engine.openDoc(dealId);
    try {
      change(opened.doc);
      await opened.whenStored();
    } finally {
      opened.release();
    }
    await projection.flush();
  }
  const overdueTo = (address: string) => mail.to(address).filter((m) => /overdue/.test(m.mail.subject ?? ''));
  const run = (today: string) =>
    remindOverdueVerifiers(
      { db: t.db, openDoc: (room) => engine.openDoc(room), mailer: mail.mailer, origin: TEST_ORIGIN },
      today,
    );

  beforeAll(async () => {
    const sink = await startSmtpSink();
    t = await createTestApp(kind, (db) => {
      mail = mailTo(db, sink);
      engine = new RoomEngine<SyncContext>({
        persistence: createPostgresPersistence(db),
        hooks: { onChange: (room, doc, info) => projection.onChange(room, doc, info) },
      });
      projection = new StatusProjection({
        db,
        engine,
        bus: createLocalStatusBus(),
        compute: (shared, sellerDoc, options) => computeStatus(shared, sellerDoc, options),
        debounceMs: 10,
      });
      return { engine, mailer: mail.mailer };
    });
    seller = await t.signup({ email: 'ana@acme.test', name: 'Ana', organization: 'Acme' });
    mobilizer = await t.signup({ email: 'mara@nordwind.test', name: 'Mara' });
    dealId = (
      await t.call('POST', '/api/deals', { cookie: seller.cookie, body: { title: 'Fleet', buyer: 'Nordwind' } })
    ).body.id;
    const invite = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email: 'mara@nordwind.test', role: 'mobilizer' },
    });
    await t.call('POST', `/api/invites/${(invite.body.url as string).split('/').pop()}/accept`, {
      cookie: mobilizer.cookie,
    });
    await write((doc) => {
      const henrik = addStakeholder(doc, { name: 'Henrik' });
      ids.owned = addVerifier(doc, 'learn', { text: 'Mara shares the downtime figures' });
      updateVerifier(doc, 'learn', ids.owned, { owner: mobilizer.id, dueDate: '2026-01-10' });
      ids.unowned = addVerifier(doc, 'understand-need', { text: 'IT confirms the rollout window' });
      updateVerifier(doc, 'understand-need', ids.unowned, { owner: henrik, dueDate: '2026-01-12' });
      ids.done = addVerifier(doc, 'learn', { text: 'Done already' });
      updateVerifier(doc, 'learn', ids.done, { dueDate: '2026-01-05' });
      tickVerifier(doc, 'learn', ids.done, { by: 'Mara' });
      ids.later = addVerifier(doc, 'learn', { text: 'Not due yet' });
      updateVerifier(doc, 'learn', ids.later, { dueDate: '2026-02-01' });
    });
  });
  afterAll(async () => {
    await projection.stop();
    await engine.close();
    await mail.close();
    await t.close();
  });

  it('mails the owner when a member, else the sellers and the Mobilizer; once a day', async () => {
    const first = await run('2026-01-20');
    expect(first.deals).toEqual([dealId]);
    const byVerifier = Object.fromEntries(first.reminded.map((r) => [r.verifierId, r.recipients.sort()]));
    expect(byVerifier).toEqual({
      [ids.owned!]: ['mara@nordwind.test'],
      [ids.unowned!]: ['ana@acme.test', 'mara@nordwind.test'],
    });
    const toAna = await mail.next('ana@acme.test', /A verifier on Fleet is overdue/);
    expect(toAna.mail.text).toContain('IT confirms the rollout window');
    expect(toAna.mail.text).toContain(`${TEST_ORIGIN}/deals/${dealId}/plan`);
    expect(linkIn(toAna, `${TEST_ORIGIN}/unsubscribe`)).toContain('token=');
    await mail.next('mara@nordwind.test', /overdue/);
    await until(() => overdueTo('mara@nordwind.test').length === 2);
    expect(
      overdueTo('ana@acme.test')
        .map((m) => m.mail.text)
        .join('\n'),
    ).not.toContain('downtime figures');

    expect((await run('2026-01-20')).reminded).toEqual([]);
    const queued = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'ana@acme.test'));
    expect(queued).toHaveLength(1);
  });

  it('respects an unsubscribe from verifier mail, and stops once the verifier is ticked', async () => {
    const received = overdueTo('mara@nordwind.test')[0]!;
    const path = linkIn(received, `${TEST_ORIGIN}/unsubscribe`).slice(TEST_ORIGIN.length);
    const done = await t.call('POST', path, {
      origin: null,
      raw: 'scope=this',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(done.status).toBe(200);

    const next = await run('2026-01-21');
    expect(next.reminded.map((r) => r.verifierId).sort()).toEqual([ids.owned, ids.unowned].sort());
    await until(() => overdueTo('ana@acme.test').length === 2);
    const suppressed = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'mara@nordwind.test'));
    expect(suppressed.filter((row) => row.kind === 'verifier-overdue')).toHaveLength(2);
    expect(overdueTo('mara@nordwind.test')).toHaveLength(2);

    await write((doc) => {
      tickVerifier(doc, 'learn', ids.owned!, { by: 'Mara' });
      tickVerifier(doc, 'understand-need', ids.unowned!, { by: 'Mara' });
    });
    expect((await run('2026-01-22')).reminded).toEqual([]);
  });
});
