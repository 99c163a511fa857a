/**
 * Guide links end to end over a real server: the seller and the Mobilizer write the room through the
 * stock y-websocket client (shared, seller and buyer documents, each private field holding a marker),
 * the Mobilizer shares a guide, and a colleague with no account reads it over HTTP: the guide, live as
 * the Mobilizer types, and nothing else; revoking on another server instance kills it at once.
 */
import { createAuth } from '@quorum/auth';
import type { DbHandle } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import {
  addObjection,
  addRelationship,
  addStakeholder,
  guideText,
  setNotes,
  setStakeholderNote,
  updateBlockerPlan,
  updateGuide,
  updateInsight,
} from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createApp } from '../../apps/server/src/app.ts';
import { type RunningServer, startServer } from '../../apps/server/src/server.ts';
import { createRoomGuard, type SyncContext } from '../../apps/server/src/sync/index.ts';

const ORIGIN = 'http://quorum.test';

/** Strings planted in every field a guide must never show. */
const MARKERS = {
  department: 'MARKER-DEPT-7Q',
  priorities: 'MARKER-PRIORITIES-7Q',
  relationship: 'MARKER-RELATIONSHIP-7Q',
  otherGuide: 'MARKER-OTHER-GUIDE-7Q',
  unlistedObjection: 'MARKER-UNLISTED-OBJECTION-7Q',
  sellerNotes: 'MARKER-SELLER-NOTES-7Q',
  sellerStakeholderNote: 'MARKER-SELLER-STAKEHOLDER-NOTE-7Q',
  blockerPlan: 'MARKER-BLOCKER-PLAN-7Q',
  insight: 'MARKER-INSIGHT-7Q',
  buyerNotes: 'MARKER-BUYER-NOTES-7Q',
  buyerStakeholderNote: 'MARKER-BUYER-STAKEHOLDER-NOTE-7Q',
};

async function pdfText(bytes: Uint8Array): Promise<string> {
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

function socketWith(cookie: string) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin: ORIGIN } });
    }
  };
}

describe.each(testDatabaseKinds())('guide links over a live room (%s)', (kind) => {
  let handle: DbHandle;
  const engines: RoomEngine<SyncContext>[] = [];
  const servers: RunningServer[] = [];
  const providers: WebsocketProvider[] = [];
  let primary: RunningServer;
  let secondary: RunningServer;
  const cookies = { seller: '', mobilizer: '' };
  let dealId: string;

  async function call(server: RunningServer, method: string, path: string, cookie: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { origin: ORIGIN, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    return { status: response.status, body: (await response.json()) as any, cookie: setCookie?.split(';')[0] ?? '' };
  }

  async function signup(email: string, organization?: string) {
    const res = await call(primary, 'POST', '/api/auth/signup', '', {
      email,
      name: email.split('@')[0],
      password: 'a long enough password',
      organization,
    });
    expect(res.status).toBe(201);
    return res.cookie;
  }

  async function connectRoom(room: string, cookie: string) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${primary.url.replace('http', 'ws')}/sync`, room, doc, {
      WebSocketPolyfill: socketWith(cookie) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    providers.push(provider);
    await vi.waitFor(() => expect(provider.synced).toBe(true), { timeout: 15_000, interval: 20 });
    return doc;
  }

  async function startInstance() {
    const { db } = handle;
    const auth = createAuth({ db });
    const engine = new RoomEngine<SyncContext>({
      persistence: createPostgresPersistence(db),
      hooks: { onConnect: createRoomGuard({ db, auth, origins: [ORIGIN] }) },
    });
    engines.push(engine);
    const server = await startServer(createApp({ db, auth, engine, origin: ORIGIN, log: () => undefined }), {
      port: 0,
      hostname: '127.0.0.1',
    });
    servers.push(server);
    return server;
  }

  beforeAll(async () => {
    handle = await createTestDb(kind);
    primary = await startInstance();
    secondary = await startInstance();
    cookies.seller = await signup('seller@initech.test', 'Initech');
    const created = await call(primary, 'POST', '/api/deals', cookies.seller, {
      title: 'Laptop refresh',
      buyer: 'Globex',
    });
    expect(created.status).toBe(201);
    dealId = created.body.id;
    cookies.mobilizer = await signup('champion@globex.test');
    const invite = await call(primary, 'POST', `/api/deals/${dealId}/invites`, cookies.seller, {
      email: 'champion@globex.test',
      role: 'mobilizer',
    });
    const token = (invite.body.url as string).split('/').at(-1);
    expect((await call(primary, 'POST', `/api/invites/${token}/accept`, cookies.mobilizer, {})).status).toBeLessThan(
      300,
    );
  }, 120_000);

  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    for (const engine of engines) await engine.close();
    for (const server of servers) await server.close();
    await handle?.close();
  });

  it('a colleague reads the guide live, sees nothing private, and loses it the moment it is revoked', async () => {
    // The Mobilizer writes the shared room and the buyer notes; the seller writes the seller notes.
    const shared = await connectRoom(dealId, cookies.mobilizer);
    const buyerDoc = await connectRoom(`${dealId}/buyer`, cookies.mobilizer);
    const sellerDoc = await connectRoom(`${dealId}/seller`, cookies.seller);
    let priya = '';
    let objectionId = '';
    shared.transact(() => {
      priya = addStakeholder(shared, {
        name: 'Priya Shah',
        title: 'VP Finance',
        department: MARKERS.department,
        role: 'decider',
        profile: 'blocker',
        influence: 5,
        stance: -2,
        commitment: 'unaware',
        priorities: MARKERS.priorities,
      });
      const tom = addStakeholder(shared, { name: 'Tom Lee', title: 'CIO', profile: 'go-getter' });
      addRelationship(shared, { from: priya, to: tom, kind: 'rivals', note: MARKERS.relationship });
      objectionId = addObjection(shared, {
        title: 'Will this lock us in?',
        raisedBy: priya,
        category: 'risk',
        response: 'Every contract has a 90-day exit.',
        evidence: 'Clause 14 of the draft agreement.',
      });
      addObjection(shared, { title: MARKERS.unlistedObjection, raisedBy: tom });
      updateGuide(shared, priya, {
        summary: 'We are choosing the laptops for the next four years.',
        keyMessages: '- Same budget as today\n- Fewer support tickets',
        asks: 'Join the review on Friday.',
        objectionIds: [objectionId],
      });
      updateGuide(shared, tom, { summary: MARKERS.otherGuide });
    });
    buyerDoc.transact(() => {
      setNotes(buyerDoc, MARKERS.buyerNotes);
      setStakeholderNote(buyerDoc, priya, MARKERS.buyerStakeholderNote);
    });
    sellerDoc.transact(() => {
      setNotes(sellerDoc, MARKERS.sellerNotes);
      setStakeholderNote(sellerDoc, priya, MARKERS.sellerStakeholderNote);
      updateBlockerPlan(sellerDoc, priya, { specialConcern: MARKERS.blockerPlan, action: 'targeted-concession' });
      updateInsight(sellerDoc, { problem: MARKERS.insight });
    });

    // The Mobilizer shares Priya's guide.
    const link = await call(primary, 'POST', `/api/deals/${dealId}/guides/${priya}/links`, cookies.mobilizer, {});
    expect(link.status).toBe(201);
    const path = new URL(link.body.url).pathname;

    // A colleague with no account reads it: the guide, as soon as the room has it, and nothing private.
    await vi.waitFor(
      async () => {
        const html = await (await fetch(`${primary.url}${path}`)).text();
        expect(html).toContain('Join the review on Friday.');
      },
      { timeout: 15_000, interval: 100 },
    );
    const responses = await Promise.all([
      fetch(`${primary.url}${path}`).then((r) => r.text()),
      fetch(`${primary.url}${path}/content.json`).then((r) => r.text()),
      fetch(`${primary.url}${path}/pdf`).then(async (r) => pdfText(new Uint8Array(await r.arrayBuffer()))),
    ]);
    for (const body of responses) {
      for (const part of ['Priya Shah', 'VP Finance', 'Will this lock us in?', 'Every contract has a 90-day exit.']) {
        expect(body).toContain(part);
      }
    }
    for (const body of responses) {
      for (const marker of Object.values(MARKERS)) expect(body).not.toContain(marker);
      expect(body).not.toMatch(/blocker|decider|Tom Lee|targeted-concession/i);
    }

    // The Mobilizer types; the page's content follows without anyone touching the link.
    const summary = guideText(shared, priya, 'summary');
    summary.insert(summary.length, ' The pilot cut tickets by 11 %.');
    await vi.waitFor(
      async () => {
        const content = (await (await fetch(`${primary.url}${path}/content.json`)).json()) as any;
        expect(content.guide.summary).toBe(
          'We are choosing the laptops for the next four years. The pilot cut tickets by 11 %.',
        );
      },
      { timeout: 15_000, interval: 100 },
    );

    // Revoked through the other instance: dead on this one at once.
    const revoke = await call(secondary, 'DELETE', `/api/guide-links/${link.body.id}`, cookies.mobilizer);
    expect(revoke.status).toBe(200);
    const gone = await fetch(`${primary.url}${path}/content.json`);
    expect(gone.status).toBe(410);
    const body = (await gone.json()) as any;
    expect(body.error.code).toBe('link_revoked');
    expect(JSON.stringify(body)).not.toContain('Priya');

    // The room lists the link: revoked, with the page views (not the polls) counted.
    const listed = await call(primary, 'GET', `/api/deals/${dealId}/links`, cookies.seller);
    expect(listed.body.links).toHaveLength(1);
    expect(listed.body.links[0]).toMatchObject({ state: 'revoked', stakeholderId: priya });
    expect(listed.body.links[0].viewCount).toBeGreaterThanOrEqual(3);
  });
});
