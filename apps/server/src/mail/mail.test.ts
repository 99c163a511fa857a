import { mailOutbox, passwordResets, testDatabaseKinds } from '@quorum/db';
import { readStakeholders } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { until } from '@quorum/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncContext } from '../sync/index.ts';
import { createTestApp, TEST_ORIGIN, type TestAccount, type TestApp } from '../testing/test-app.ts';
import { linkIn, mailTo, startSmtpSink, type TestMail } from './test-mail.ts';

describe.each(testDatabaseKinds())('mail sent by the app, through a real SMTP server (%s)', (kind) => {
  let t: TestApp;
  let mail: TestMail;
  let engine: RoomEngine<SyncContext>;
  let seller: TestAccount;
  let dealId: string;
  let guidePath: string;

  beforeAll(async () => {
    const sink = await startSmtpSink();
    t = await createTestApp(kind, (db) => {
      engine = new RoomEngine<SyncContext>({ persistence: createPostgresPersistence(db) });
      mail = mailTo(db, sink);
      return { engine, mailer: mail.mailer };
    });
    seller = await t.signup({ email: 'sam@acme.test', name: 'Sam Seller', organization: 'Acme Devices' });
    dealId = (await t.call('POST', '/api/deals/sample', { cookie: seller.cookie })).body.id;
  });
  afterAll(async () => {
    await mail.close();
    await engine.close();
    await t.close();
  });

  async function inviteByMail(email: string) {
    const res = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email, role: 'mobilizer' },
    });
    expect(res.status).toBe(201);
    return { res, received: await mail.next(email, /invited you/) };
  }

  it('mails an invite with its link; the invited account follows it and joins the deal', async () => {
    const { res, received } = await inviteByMail('mara@nordwind.test');
    expect(received.mail.subject).toBe('Sam Seller invited you to Next laptop generation on Quorum');
    const link = linkIn(received, `${TEST_ORIGIN}/invite/`);
    expect(link).toBe(res.body.url);
    expect(received.mail.html).toContain(link);

    const mara = await t.signup({ email: 'mara@nordwind.test', name: 'Mara Jensen' });
    const token = new URL(link).pathname.split('/').pop()!;
    expect((await t.call('GET', `/api/invites/${token}`)).body).toMatchObject({ inviterName: 'Sam Seller' });
    const accepted = await t.call('POST', `/api/invites/${token}/accept`, { cookie: mara.cookie });
    expect(accepted.status).toBe(200);
    const deal = await t.call('GET', `/api/deals/${dealId}`, { cookie: mara.cookie });
    expect(deal.body.role).toBe('mobilizer');

    // One logical invite, one mail: its row is keyed by the invite.
    const rows = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'mara@nordwind.test'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.dedupeKey).toMatch(/^invite:/);
  });

  it('the invite link stays bound to the invited address: another account cannot use it', async () => {
    const { received } = await inviteByMail('jonas@nordwind.test');
    const token = new URL(linkIn(received, `${TEST_ORIGIN}/invite/`)).pathname.split('/').pop()!;
    const other = await t.signup({ email: 'eve@nordwind.test' });
    const refused = await t.call('POST', `/api/invites/${token}/accept`, { cookie: other.cookie });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('invite_email_mismatch');
  });

  it('mails the sellers and Mobilizers on the first view of a guide link only, and on each answer', async () => {
    const stakeholderId = await (async () => {
      const opened = await engine.openDoc(dealId);
      try {
        return readStakeholders(opened.doc).find((s) => s.title === 'Chief Financial Officer')!.id;
      } finally {
        opened.release();
      }
    })();
    const created = await t.call('POST', `/api/deals/${dealId}/guides/${stakeholderId}/links`, {
      cookie: seller.cookie,
      body: {},
    });
    expect(created.status).toBe(201);
    const path = new URL(created.body.url).pathname;
    guidePath = path;

    expect((await t.call('GET', path, { origin: null })).status).toBe(200);
    const toSeller = await mail.next('sam@acme.test', /opened their guide/);
    expect(toSeller.mail.subject).toBe('Anna Kowalski opened their guide for Next laptop generation');
    const toMobilizer = await mail.next('mara@nordwind.test', /opened their guide/);
    expect(linkIn(toMobilizer, `${TEST_ORIGIN}/deals/`)).toBe(`${TEST_ORIGIN}/deals/${dealId}/group`);
    expect(linkIn(toSeller, `${TEST_ORIGIN}/unsubscribe`)).toContain('token=');

    // Later views send nothing more.
    expect((await t.call('GET', path, { origin: null })).status).toBe(200);
    expect((await t.call('GET', `${path}/pdf`, { origin: null })).status).toBe(200);
    const viewed = await t.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'guide-viewed'));
    expect(viewed.map((row) => row.to).sort()).toEqual(['mara@nordwind.test', 'sam@acme.test']);

    const answer = await t.call('POST', `${path}/voice`, { origin: null, body: { concerns: 'Lead times' } });
    expect(answer.status).toBe(201);
    const answered = await mail.next('sam@acme.test', /answered their guide/);
    expect(answered.mail.text).toContain('Anna Kowalski answered the guide');
  });

  it('unsubscribes from a mail’s link: GET only asks, POST turns that kind off, and the next such mail is not sent', async () => {
    const received = await mail.next('mara@nordwind.test', /opened their guide/);
    const link = linkIn(received, `${TEST_ORIGIN}/unsubscribe`);
    const path = link.slice(TEST_ORIGIN.length);
    const mara = await t.call('POST', '/api/auth/login', {
      body: { email: 'mara@nordwind.test', password: 'a long enough password' },
    });

    const page = await t.call('GET', path, { origin: null });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Stop these mails?');
    expect(page.body).toContain('stakeholders opening or answering their guides');
    const untouched = await t.call('GET', '/api/me/mail-preferences', { cookie: mara.cookie });
    expect(untouched.body.guideActivity).toBe(true);

    const done = await t.call('POST', path, {
      origin: null,
      raw: 'scope=this',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(done.status).toBe(200);
    expect(done.body).toContain('You are unsubscribed');
    const after = await t.call('GET', '/api/me/mail-preferences', { cookie: mara.cookie });
    expect(after.body).toEqual({ mentions: true, guideActivity: false, verifiers: true, health: true, digest: true });

    const unknown = await t.call('GET', '/unsubscribe?token=not-a-token-that-exists-anywhere', { origin: null });
    expect(unknown.status).toBe(404);

    // The next answer (a minute later: answers within one minute share a mail) reaches the seller only.
    const answersToMara = () => mail.to('mara@nordwind.test').filter((m) => /answered/.test(m.mail.subject ?? ''));
    await mail.next('mara@nordwind.test', /answered/); // the earlier answer's mail, sent before unsubscribing
    const before = answersToMara().length;
    await t.db.delete(mailOutbox).where(eq(mailOutbox.kind, 'voice-submitted'));
    const sellerAnswers = mail.to('sam@acme.test').filter((m) => /answered/.test(m.mail.subject ?? '')).length;
    expect((await t.call('POST', `${guidePath}/voice`, { origin: null, body: { concerns: 'Price' } })).status).toBe(
      201,
    );
    await until(
      () => mail.to('sam@acme.test').filter((m) => /answered/.test(m.mail.subject ?? '')).length > sellerAnswers,
    );
    expect(answersToMara().length).toBe(before);
    const suppressed = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'mara@nordwind.test'));
    expect(suppressed.filter((row) => row.kind === 'voice-submitted')).toEqual([]);
  });

  it('reads and changes mail preferences on the account (401 without a session, 400 for a non-boolean)', async () => {
    expect((await t.call('GET', '/api/me/mail-preferences')).status).toBe(401);
    const put = await t.call('PUT', '/api/me/mail-preferences', {
      cookie: seller.cookie,
      body: { health: false, digest: false },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ mentions: true, guideActivity: true, verifiers: true, health: false, digest: false });
    expect((await t.call('GET', '/api/me/mail-preferences', { cookie: seller.cookie })).body.health).toBe(false);
    const bad = await t.call('PUT', '/api/me/mail-preferences', { cookie: seller.cookie, body: { health: 'no' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('health');
    await t.call('PUT', '/api/me/mail-preferences', { cookie: seller.cookie, body: { health: true, digest: true } });
  });

  describe('password reset by mail', () => {
    it('answers 202 alike for known and unknown addresses, and mails only the known one', async () => {
      const unknown = await t.call('POST', '/api/auth/password-reset', { body: { email: 'nobody@acme.test' } });
      const known = await t.call('POST', '/api/auth/password-reset', { body: { email: 'SAM@acme.test' } });
      expect(unknown.status).toBe(202);
      expect(known.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      const received = await mail.next('sam@acme.test', /Reset your Quorum password/);
      expect(linkIn(received, `${TEST_ORIGIN}/reset-password/`)).toMatch(/\/reset-password\/[A-Za-z0-9_-]{20,}$/);
      expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'nobody@acme.test'))).toEqual([]);
      const stored = await t.db.select().from(passwordResets);
      expect(JSON.stringify(stored)).not.toContain(linkIn(received, `${TEST_ORIGIN}/reset-password/`).split('/').pop());
    });

    it('sets the password once with the link, ends the other sessions and signs in', async () => {
      const user = await t.signup({ email: 'rita@acme.test', organization: 'Acme Two' });
      expect((await t.call('POST', '/api/auth/password-reset', { body: { email: 'rita@acme.test' } })).status).toBe(
        202,
      );
      const received = await mail.next('rita@acme.test', /Reset your Quorum password/);
      const token = linkIn(received, `${TEST_ORIGIN}/reset-password/`).split('/').pop()!;

      const short = await t.call('POST', `/api/auth/password-reset/${token}`, { body: { password: 'short' } });
      expect(short.status).toBe(400);
      const reset = await t.call('POST', `/api/auth/password-reset/${token}`, {
        body: { password: 'a brand new password' },
      });
      expect(reset.status).toBe(200);
      expect(reset.body.user.email).toBe('rita@acme.test');
      expect(reset.cookie).toBeTruthy();
      expect((await t.call('GET', '/api/me', { cookie: user.cookie })).status).toBe(401);
      expect((await t.call('GET', '/api/me', { cookie: reset.cookie })).status).toBe(200);

      const again = await t.call('POST', `/api/auth/password-reset/${token}`, {
        body: { password: 'another new password' },
      });
      expect(again.status).toBe(404);
      expect(again.body.error.code).toBe('reset_invalid');
      const login = await t.call('POST', '/api/auth/login', {
        body: { email: 'rita@acme.test', password: 'a brand new password' },
      });
      expect(login.status).toBe(200);
    });

    it('refuses an expired link', async () => {
      await t.signup({ email: 'otto@acme.test', organization: 'Acme Three' });
      await t.call('POST', '/api/auth/password-reset', { body: { email: 'otto@acme.test' } });
      const received = await mail.next('otto@acme.test', /Reset your Quorum password/);
      const token = linkIn(received, `${TEST_ORIGIN}/reset-password/`).split('/').pop()!;
      await t.db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) });
      const res = await t.call('POST', `/api/auth/password-reset/${token}`, {
        body: { password: 'a brand new password' },
      });
      expect(res.status).toBe(404);
    });

    it('rate-limits requests per address (the sixth within the hour is 429)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push(
          (await t.call('POST', '/api/auth/password-reset', { body: { email: 'flood@acme.test' } })).status,
        );
      }
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    });
  });

  it('mails a person the comment mentions, with the thread’s words and a link to the record', async () => {
    const { received } = await inviteByMail('petra@nordwind.test');
    const petra = await t.signup({ email: 'petra@nordwind.test', name: 'Petra Novak' });
    const token = new URL(linkIn(received, `${TEST_ORIGIN}/invite/`)).pathname.split('/').pop()!;
    expect((await t.call('POST', `/api/invites/${token}/accept`, { cookie: petra.cookie })).status).toBe(200);
    const objectionId = await (async () => {
      const opened = await engine.openDoc(dealId);
      try {
        return (opened.doc.getMap('objections').keys().next().value as string | undefined) ?? '';
      } finally {
        opened.release();
      }
    })();
    const posted = await t.call('POST', `/api/deals/${dealId}/threads`, {
      cookie: seller.cookie,
      body: {
        side: 'shared',
        record: { kind: 'objection', id: objectionId },
        body: '@Petra Novak can you check the leasing figures before Friday?',
        mentions: [petra.id],
      },
    });
    expect(posted.status).toBe(201);
    const mentioned = await mail.next('petra@nordwind.test', /mentioned you/);
    expect(mentioned.mail.subject).toBe('Sam Seller mentioned you in Next laptop generation');
    expect(mentioned.mail.text).toContain('can you check the leasing figures before Friday?');
    expect(linkIn(mentioned, `${TEST_ORIGIN}/deals/`)).toBe(`${TEST_ORIGIN}/deals/${dealId}/objections`);
  });
});
