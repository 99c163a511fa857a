import { createAuth } from '@quorum/auth';
import { dealVisits, mailOutbox, testDatabaseKinds, users } from '@quorum/db';
import {
  addStakeholder,
  addVerifier,
  readPlan,
  setNotes,
  tickVerifier,
  untickVerifier,
  updateStakeholder,
} from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { until } from '@quorum/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { linkIn, mailTo, startSmtpSink, type TestMail } from '../mail/test-mail.ts';
import { type RunningServer, startServer } from '../server.ts';
import { createRoomGuard, type SyncContext } from '../sync/index.ts';
import { createTestApp, TEST_ORIGIN, type TestAccount, type TestApp } from '../testing/test-app.ts';
import { ActivityRecorder } from './activity-recorder.ts';
import { sendDigests } from './digest.ts';
import { mailVerifierTicked } from './verifier-mail.ts';

describe.each(testDatabaseKinds())('activity feed, visits, commitments and their mail (%s)', (kind) => {
  let t: TestApp;
  let engine: RoomEngine<SyncContext>;
  let recorder: ActivityRecorder;
  let mail: TestMail;
  let server: RunningServer;
  let manager: TestAccount;
  let seller: TestAccount;
  let mara: TestAccount;
  let dealId: string;
  const providers: WebsocketProvider[] = [];

  /** A live client of one room, as the browser's, with the account's session cookie. */
  async function open(as: TestAccount, room: string): Promise<Y.Doc> {
    const cookie = as.cookie;
    class CookieSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie, origin: TEST_ORIGIN } });
      }
    }
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, room, doc, {
      WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    providers.push(provider);
    await until(() => provider.synced, { what: `${as.email} to sync ${room}` });
    return doc;
  }

  async function join(email: string, name: string) {
    const invite = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email, role: 'mobilizer' },
    });
    const account = await t.signup({ email, name });
    const token = new URL(invite.body.url).pathname.split('/').pop();
    expect((await t.call('POST', `/api/invites/${token}/accept`, { cookie: account.cookie })).status).toBe(200);
    return account;
  }

  const feed = async (as: TestAccount, query = '') => {
    const res = await t.call('GET', `/api/deals/${dealId}/activity${query}`, { cookie: as.cookie });
    expect(res.status).toBe(200);
    return res.body as {
      items: Array<{ words: string; side: string; kind: string }>;
      lastVisitAt: string | null;
      sinceLastVisit: number;
    };
  };
  const words = async (as: TestAccount) => (await feed(as)).items.map((item) => item.words);
  /** Waits until `as` sees an entry that says `expected`. */
  const sees = (as: TestAccount, expected: string) =>
    until(async () => (await words(as)).includes(expected), { what: `${as.email} to see “${expected}”` });

  beforeAll(async () => {
    const sink = await startSmtpSink();
    t = await createTestApp(kind, (db) => {
      mail = mailTo(db, sink);
      recorder = new ActivityRecorder({
        db,
        onCommitment: (commitment) => mailVerifierTicked({ db, mailer: mail.mailer, origin: TEST_ORIGIN }, commitment),
      });
      engine = new RoomEngine<SyncContext>({
        persistence: createPostgresPersistence(db),
        hooks: {
          onConnect: createRoomGuard({ db, auth: createAuth({ db }), origins: [TEST_ORIGIN] }),
          onLoaded: recorder.onLoaded,
          onApplied: recorder.onApplied,
          onChange: recorder.onChange,
        },
      });
      return { engine, mailer: mail.mailer };
    });
    server = await startServer(t.app, { port: 0, hostname: '127.0.0.1' });
    manager = await t.signup({ email: 'mia@acme.test', name: 'Mia Manager', organization: 'Acme' });
    seller = await t.signup({ email: 'sam@acme.test', name: 'Sam Seller' });
    const [m] = await t.db.select().from(users).where(eq(users.id, manager.id));
    await t.db
      .update(users)
      .set({ organizationId: m!.organizationId, orgRole: 'member' })
      .where(eq(users.id, seller.id));
    dealId = (
      await t.call('POST', '/api/deals', { cookie: seller.cookie, body: { title: 'Fleet', buyer: 'Nordwind' } })
    ).body.id;
    mara = await join('mara@nordwind.test', 'Mara Jensen');
  }, 60_000);
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await server.close();
    await engine.close();
    await recorder.flush();
    await mail.close();
    await t.close();
  });

  it('words each person’s edits, attributed by their session, each side seeing only its rooms', async () => {
    const samShared = await open(seller, dealId);
    const samPrivate = await open(seller, `${dealId}/seller`);
    const maraShared = await open(mara, dealId);
    const maraPrivate = await open(mara, `${dealId}/buyer`);

    const henrik = addStakeholder(samShared, { name: 'Henrik', influence: 3 });
    await sees(mara, 'Sam Seller added Henrik to the map');
    await until(() => maraShared.getMap('stakeholders').has(henrik), { what: 'Henrik to reach Mara' });
    updateStakeholder(maraShared, henrik, { influence: 4 });
    setNotes(samPrivate, 'Their CFO hates the price');
    setNotes(maraPrivate, 'Sam is pushing too hard');
    await sees(seller, 'Mara Jensen raised Henrik’s influence to 4');
    await sees(seller, 'Sam Seller edited the seller notes');
    await sees(mara, 'Mara Jensen edited the buyer notes');

    // Repeated edits of one record by one person within minutes are one entry.
    updateStakeholder(maraShared, henrik, { influence: 5 });
    await sees(seller, 'Mara Jensen raised Henrik’s influence to 5');
    expect((await words(seller)).filter((w) => w.includes('influence'))).toEqual([
      'Mara Jensen raised Henrik’s influence to 5',
    ]);

    const samSees = await feed(seller);
    expect(samSees.items.map((item) => item.side)).not.toContain('buyer');
    const maraSees = await feed(mara);
    expect(maraSees.items.map((item) => item.side)).not.toContain('seller');
    expect(JSON.stringify(maraSees)).not.toMatch(/seller notes|CFO/);
    // A manager reads the seller side, never the buyer's.
    const miaSees = await words(manager);
    expect(miaSees).toContain('Sam Seller edited the seller notes');
    expect(miaSees).not.toContain('Mara Jensen edited the buyer notes');
    // No words quote a private note.
    expect(JSON.stringify([samSees, miaSees])).not.toMatch(/hates|pushing/);
  });

  it('logs every tick and untick by the session that sent it, and mails the other side once per tick', async () => {
    const maraShared = await open(mara, dealId);
    const samShared = await open(seller, dealId);
    const id = addVerifier(samShared, 'learn', { text: 'Budget owner named' });
    await until(() => readPlan(maraShared)[0]!.verifiers.some((v) => v.id === id), { what: 'the verifier to sync' });
    // The document claims someone else did it: the log names the session's user.
    tickVerifier(maraShared, 'learn', id, { by: 'Sam Seller' });
    const received = await mail.next('sam@acme.test', /ticked a verifier/);
    expect(received.mail.subject).toBe('Mara Jensen ticked a verifier on Fleet');
    expect(received.mail.text).toContain('Budget owner named');
    expect(linkIn(received, `${TEST_ORIGIN}/deals/`)).toBe(`${TEST_ORIGIN}/deals/${dealId}/plan`);
    untickVerifier(maraShared, 'learn', id);
    const log = async () =>
      (await t.call('GET', `/api/deals/${dealId}/commitments`, { cookie: seller.cookie })).body.commitments as Array<{
        verifierId: string;
        action: string;
        actor: { name: string; side: string };
      }>;
    await until(async () => (await log()).filter((c) => c.verifierId === id).length === 2, { what: 'both entries' });
    expect((await log()).filter((c) => c.verifierId === id)).toMatchObject([
      { action: 'ticked', actor: { name: 'Mara Jensen', side: 'buyer' } },
      { action: 'unticked', actor: { name: 'Mara Jensen', side: 'buyer' } },
    ]);
    // The Mobilizer sees the log too; the one who ticked gets no mail; an untick mails no one.
    expect((await t.call('GET', `/api/deals/${dealId}/commitments`, { cookie: mara.cookie })).status).toBe(200);
    await recorder.flush();
    const tickMails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'verifier-ticked'));
    expect(tickMails.map((row) => row.to)).toEqual(['sam@acme.test']);
    await sees(seller, 'Mara Jensen unticked the verifier “Budget owner named”');
  });

  it('attributes an answer through a guide link to the stakeholder, visible to both sides', async () => {
    const opened = await engine.openDoc(dealId);
    const henrik = [...opened.doc.getMap('stakeholders').entries()].find(
      ([, record]) => (record as Y.Map<unknown>).get('name') === 'Henrik',
    )![0];
    opened.release();
    const link = await t.call('POST', `/api/deals/${dealId}/guides/${henrik}/links`, { cookie: mara.cookie, body: {} });
    expect(link.status).toBe(201);
    const path = new URL(link.body.url).pathname;
    const answer = await t.call('POST', `${path}/voice`, { origin: null, body: { concerns: 'Migration risk' } });
    expect(answer.status).toBe(201);
    await sees(seller, 'Henrik answered their guide');
    await sees(mara, 'Henrik answered their guide');
    const entry = (await feed(seller)).items.find(
      (item) => item.words === 'Henrik answered their guide',
    ) as unknown as {
      kind: string;
      actor: { userId: string | null; stakeholderId: string | null };
    };
    expect(entry).toMatchObject({ kind: 'answered', actor: { userId: null, stakeholderId: henrik } });
  });

  it('counts other people’s changes since the last visit; a reload is the same visit', async () => {
    const first = await t.call('POST', `/api/deals/${dealId}/visit`, { cookie: seller.cookie });
    expect(first.status).toBe(200);
    const again = await t.call('POST', `/api/deals/${dealId}/visit`, { cookie: seller.cookie });
    expect(again.body.lastVisitAt).toBe(first.body.lastVisitAt);
    // An hour later, a new visit: the one before is where "since your last visit" starts.
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await t.db
      .update(dealVisits)
      .set({ visitedAt: hourAgo })
      .where(and(eq(dealVisits.userId, seller.id), eq(dealVisits.dealId, dealId)));
    const visit = await t.call('POST', `/api/deals/${dealId}/visit`, { cookie: seller.cookie });
    expect(visit.body.lastVisitAt).toBe(hourAgo.toISOString());
    const before = await feed(seller);
    expect(before.lastVisitAt).toBe(hourAgo.toISOString());
    expect(before.sinceLastVisit).toBeGreaterThan(0);
    const own = before.items.filter((item) => item.words.startsWith('Sam Seller')).length;
    expect(before.sinceLastVisit).toBe(before.items.length - own);
    // `since` narrows the list.
    const later = await feed(seller, `?since=${encodeURIComponent(new Date().toISOString())}`);
    expect(later.items).toEqual([]);
  });

  it('sends each person one digest a day, of what they may see and others did, if they want it', async () => {
    await t.call('PUT', '/api/me/mail-preferences', { cookie: manager.cookie, body: { digest: false } });
    const now = new Date();
    expect(await sendDigests({ db: t.db, mailer: mail.mailer, origin: TEST_ORIGIN, now })).toBe(2);
    const toSam = await mail.next('sam@acme.test', /What changed/);
    expect(toSam.mail.text).toContain('Mara Jensen raised Henrik’s influence to 5');
    expect(toSam.mail.text).not.toContain('Sam Seller edited the seller notes');
    const toMara = await mail.next('mara@nordwind.test', /What changed/);
    expect(toMara.mail.text).toContain('Sam Seller added Henrik to the map');
    expect(toMara.mail.text).not.toMatch(/seller notes/);
    expect(await sendDigests({ db: t.db, mailer: mail.mailer, origin: TEST_ORIGIN, now })).toBe(0);
    const digests = await t.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'digest'));
    expect(digests.map((row) => row.to).sort()).toEqual(['mara@nordwind.test', 'sam@acme.test']);
  });

  it('answers 400 naming the field for bad input, 404 to other organizations and removed members', async () => {
    const bad = await t.call('GET', `/api/deals/${dealId}/activity?since=yesterday`, { cookie: seller.cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('since');
    const limit = await t.call('GET', `/api/deals/${dealId}/activity?limit=0`, { cookie: seller.cookie });
    expect(limit.body.error.field).toBe('limit');
    const eve = await t.signup({ email: 'eve@rival.test', organization: 'Rival' });
    for (const path of ['activity', 'commitments']) {
      expect((await t.call('GET', `/api/deals/${dealId}/${path}`, { cookie: eve.cookie })).status).toBe(404);
    }
    expect((await t.call('POST', `/api/deals/${dealId}/visit`, { cookie: eve.cookie })).status).toBe(404);
    const jonas = await join('jonas@nordwind.test', 'Jonas');
    expect((await t.call('GET', `/api/deals/${dealId}/activity`, { cookie: jonas.cookie })).status).toBe(200);
    await t.call('DELETE', `/api/deals/${dealId}/members/${jonas.id}`, { cookie: seller.cookie });
    expect((await t.call('GET', `/api/deals/${dealId}/activity`, { cookie: jonas.cookie })).status).toBe(404);
    expect((await t.call('GET', '/api/deals/not-a-deal/activity', { cookie: seller.cookie })).status).toBe(404);
    expect((await t.call('GET', `/api/deals/${dealId}/activity`)).status).toBe(401);
  });
});
