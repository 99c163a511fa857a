/**
 * Websocket authorization over the real one-port server (DESIGN.md section 5): every person of the
 * threat model × every room of a deal, with the stock y-websocket client for what is allowed and a raw
 * socket counting bytes for what is not; read-only managers; expired and logged-out sessions; Origin;
 * room names; the per-connection message rate limit.
 */

import { createHash } from 'node:crypto';
import { createAuth } from '@quorum/auth';
import { type DbHandle, docSnapshots, docUpdates, sessions } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { until } from '@quorum/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createApp } from '../../apps/server/src/app.ts';
import { type RunningServer, startServer } from '../../apps/server/src/server.ts';
import { createRoomGuard, type SyncContext } from '../../apps/server/src/sync/index.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const ORIGIN = 'http://quorum.test';

type Person = 'seller' | 'mobilizer' | 'manager' | 'colleague' | 'rival' | 'anonymous';
type Kind = 'shared' | 'seller' | 'buyer';
type Outcome = 'write' | 'read' | 4401 | 4403;

/** DESIGN.md sections 2 and 5, as the exact outcome of each connection. */
const EXPECTED: Record<Person, Record<Kind, Outcome>> = {
  seller: { shared: 'write', seller: 'write', buyer: 4403 },
  mobilizer: { shared: 'write', seller: 4403, buyer: 'write' },
  manager: { shared: 'read', seller: 'read', buyer: 4403 },
  colleague: { shared: 4403, seller: 4403, buyer: 4403 },
  rival: { shared: 4403, seller: 4403, buyer: 4403 },
  anonymous: { shared: 4401, seller: 4401, buyer: 4401 },
};

/** A `ws` WebSocket class that sends a cookie and an Origin, for WebsocketProvider's WebSocketPolyfill. */
function socketClass(cookie: string | null, origin: string | null = ORIGIN) {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (origin) headers.origin = origin;
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

/** What a raw socket saw: every frame's size, and how it ended. */
interface RawResult {
  bytes: number;
  frames: number;
  closeCode: number | null;
  httpStatus: number | null;
}

/** Opens a raw socket to a room and reports what it received until the server closed it. */
function rawConnect(
  server: RunningServer,
  room: string,
  { cookie, origin = ORIGIN, send = [] }: { cookie: string | null; origin?: string | null; send?: Uint8Array[] },
): Promise<RawResult> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (origin) headers.origin = origin;
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${room}`, { headers });
    const result: RawResult = { bytes: 0, frames: 0, closeCode: null, httpStatus: null };
    // A connection the server keeps open is reported as such (closeCode null) rather than hanging.
    const guard = setTimeout(() => {
      ws.terminate();
      resolve(result);
    }, 10_000);
    ws.on('open', () => {
      for (const frame of send) ws.send(frame);
    });
    ws.on('message', (data: Buffer) => {
      result.frames += 1;
      result.bytes += data.length;
    });
    ws.on('unexpected-response', (_req, res) => {
      result.httpStatus = res.statusCode ?? null;
      clearTimeout(guard);
      ws.terminate();
      resolve(result);
    });
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      clearTimeout(guard);
      result.closeCode = code;
      resolve(result);
    });
  });
}

/** Everything stored for a room, applied to a fresh document. */
async function storedDoc(db: DbHandle['db'], room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const [snapshot] = await db.select().from(docSnapshots).where(eq(docSnapshots.room, room));
  if (snapshot) Y.applyUpdate(doc, snapshot.state);
  for (const row of await db.select().from(docUpdates).where(eq(docUpdates.room, room))) Y.applyUpdate(doc, row.update);
  return doc;
}

describe.each(testDatabaseKinds())('websocket authorization on %s', (dbKind) => {
  let handle: DbHandle;
  let engine: RoomEngine<SyncContext>;
  let server: RunningServer;
  let floodServer: RunningServer;
  let dealId: string;
  const cookies: Record<Person, string | null> = {
    seller: null,
    mobilizer: null,
    manager: null,
    colleague: null,
    rival: null,
    anonymous: null,
  };
  const providers: WebsocketProvider[] = [];

  async function call(method: string, path: string, { cookie, body }: { cookie?: string | null; body?: unknown } = {}) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        origin: ORIGIN,
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
    const json = (await res.json()) as any;
    return { status: res.status, body: json, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null };
  }

  async function signup(email: string, organization?: string): Promise<string> {
    const res = await call('POST', '/api/auth/signup', {
      body: { email, name: email.split('@')[0], password: 'a long enough password', organization },
    });
    expect(res.status).toBe(201);
    return res.cookie!;
  }

  /** Invites `email` (an invite is bound to its address) and accepts it with that account's cookie `to`. */
  async function invite(deal: string, role: 'seller' | 'mobilizer', by: string, to: string, email: string) {
    const res = await call('POST', `/api/deals/${deal}/invites`, {
      cookie: by,
      body: { email, role },
    });
    expect(res.status).toBe(201);
    const token = (res.body.url as string).split('/').pop();
    const accepted = await call('POST', `/api/invites/${token}/accept`, { cookie: to });
    expect(accepted.status).toBe(200);
  }

  function provider(
    room: string,
    cookie: string | null,
    doc = new Y.Doc(),
  ): { doc: Y.Doc; provider: WebsocketProvider } {
    const p = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, room, doc, {
      WebSocketPolyfill: socketClass(cookie) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    providers.push(p);
    return { doc, provider: p };
  }

  beforeAll(async () => {
    handle = await createTestDb(dbKind);
    const auth = createAuth({ db: handle.db });
    engine = new RoomEngine<SyncContext>({
      persistence: createPostgresPersistence(handle.db),
      hooks: { onConnect: createRoomGuard({ db: handle.db, auth, origins: [ORIGIN] }) },
    });
    server = await startServer(createApp({ db: handle.db, auth, engine, origin: ORIGIN }), {
      port: 0,
      hostname: '127.0.0.1',
    });
    floodServer = await startServer(
      createApp({ db: handle.db, auth, engine, origin: ORIGIN, messageRate: { perSecond: 1, burst: 10 } }),
      { port: 0, hostname: '127.0.0.1' },
    );

    // Everyone arrives through the real API: the manager founds Acme; Sam and Cole join it by seller
    // invites on the manager's own deal; Sam creates the deal under test and invites Bea, a buyer.
    cookies.manager = await signup('mia@acme.example', 'Acme');
    const managersDeal = await call('POST', '/api/deals', {
      cookie: cookies.manager,
      body: { title: 'Onboarding', buyer: 'Somebody' },
    });
    cookies.seller = await signup('sam@acme.example');
    cookies.colleague = await signup('cole@acme.example');
    await invite(managersDeal.body.id, 'seller', cookies.manager, cookies.seller, 'sam@acme.example');
    await invite(managersDeal.body.id, 'seller', cookies.manager, cookies.colleague, 'cole@acme.example');
    const deal = await call('POST', '/api/deals', {
      cookie: cookies.seller,
      body: { title: 'Laptop refresh', buyer: 'Northwind' },
    });
    expect(deal.status).toBe(201);
    dealId = deal.body.id;
    cookies.mobilizer = await signup('bea@northwind.example');
    await invite(dealId, 'mobilizer', cookies.seller, cookies.mobilizer, 'bea@northwind.example');
    cookies.rival = await signup('rita@rival.example', 'Rival');
    // The colleague is an Acme member who is not on this deal.
    expect((await call('GET', `/api/deals/${dealId}`, { cookie: cookies.colleague })).status).toBe(404);
    expect((await call('GET', `/api/deals/${dealId}`, { cookie: cookies.manager })).body.role).toBe('manager');
  });

  afterAll(async () => {
    for (const p of providers) p.destroy();
    await engine?.close();
    await server?.close();
    await floodServer?.close();
    await handle?.close();
  });

  const roomOf = (kind: Kind) => (kind === 'shared' ? dealId : `${dealId}/${kind}`);
  /** Who observes a room with write access, to see whether another person's edit arrives. */
  const observerOf = (kind: Kind): Person => (kind === 'buyer' ? 'mobilizer' : 'seller');

  const cases = (Object.keys(EXPECTED) as Person[]).flatMap((person) =>
    (['shared', 'seller', 'buyer'] as const).map((kind) => [person, kind, EXPECTED[person][kind]] as const),
  );

  it.each(cases)('%s × %s room → %s', async (person, kind, outcome) => {
    const room = roomOf(kind);
    if (typeof outcome === 'number') {
      // Refused: the close code, and not one byte of the document.
      const raw = await rawConnect(server, room, { cookie: cookies[person] });
      expect(raw.closeCode).toBe(outcome);
      expect(raw.frames).toBe(0);
      expect(raw.bytes).toBe(0);
      return;
    }
    const observer = provider(room, cookies[observerOf(kind)]);
    // An edit made before connecting travels in the client's sync step 2, not as an update message.
    const offline = new Y.Doc();
    const offlineKey = `offline-${person}-${kind}-${Math.random().toString(36).slice(2)}`;
    offline.getMap('probe').set(offlineKey, 1);
    const client = provider(room, cookies[person], offline);
    await until(() => observer.provider.synced && client.provider.synced, { what: 'both clients to sync' });
    const key = `${person}-${kind}-${Math.random().toString(36).slice(2)}`;
    client.doc.getMap('probe').set(key, 1);
    if (outcome === 'write') {
      await until(() => observer.doc.getMap('probe').get(key) === 1, { what: 'the edit to reach the observer' });
      await until(() => observer.doc.getMap('probe').get(offlineKey) === 1, {
        what: 'the offline edit to reach the observer',
      });
      await until(async () => (await storedDoc(handle.db, room)).getMap('probe').get(key) === 1, {
        what: 'the edit stored',
      });
      return;
    }
    // Read-only: the client receives the room (the initial state is there) but its edit goes nowhere.
    if (kind === 'shared') expect(client.doc.getMap('meta').get('title')).toBe('Laptop refresh');
    client.provider.awareness.setLocalStateField('marker', key);
    await until(() => [...observer.provider.awareness.getStates().values()].some((s) => s.marker === key), {
      what: "the read-only client's awareness (sent after its edit) to reach the observer",
    });
    const ping = `ping-${key}`;
    observer.doc.getMap('probe').set(ping, 1);
    await until(() => client.doc.getMap('probe').get(ping) === 1, {
      what: 'the observer edit to reach the read-only client',
    });
    await until(async () => (await storedDoc(handle.db, room)).getMap('probe').get(ping) === 1, {
      what: 'the ping stored',
    });
    expect(observer.doc.getMap('probe').has(key)).toBe(false);
    expect(observer.doc.getMap('probe').has(offlineKey)).toBe(false);
    const stored = await storedDoc(handle.db, room);
    expect(stored.getMap('probe').has(key)).toBe(false);
    expect(stored.getMap('probe').has(offlineKey)).toBe(false);
    client.provider.destroy();
    observer.provider.destroy();
  });

  it('a buyer account receives no byte of the seller room even when it speaks first', async () => {
    const step1 = new Uint8Array([0, 0, 1, 0]); // sync step 1 with an empty state vector
    const raw = await rawConnect(server, `${dealId}/seller`, { cookie: cookies.mobilizer, send: [step1, step1] });
    expect(raw.closeCode).toBe(4403);
    expect(raw.bytes).toBe(0);
    const sellerSide = await rawConnect(server, `${dealId}/buyer`, { cookie: cookies.seller, send: [step1] });
    expect(sellerSide.closeCode).toBe(4403);
    expect(sellerSide.bytes).toBe(0);
  });

  it('refuses expired and logged-out sessions with 4401', async () => {
    const login = await call('POST', '/api/auth/login', {
      body: { email: 'sam@acme.example', password: 'a long enough password' },
    });
    const fresh = login.cookie!;
    const ok = provider(dealId, fresh);
    await until(() => ok.provider.synced, { what: 'a fresh session to sync' });
    ok.provider.destroy();

    const token = fresh.split('=')[1]!;
    const id = createHash('sha256').update(token).digest('hex');
    await handle.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, id));
    expect((await rawConnect(server, dealId, { cookie: fresh })).closeCode).toBe(4401);

    const again = await call('POST', '/api/auth/login', {
      body: { email: 'sam@acme.example', password: 'a long enough password' },
    });
    expect((await call('POST', '/api/auth/logout', { cookie: again.cookie })).status).toBe(200);
    const loggedOut = await rawConnect(server, dealId, { cookie: again.cookie });
    expect(loggedOut.closeCode).toBe(4401);
    expect(loggedOut.bytes).toBe(0);
  });

  it("logging out closes that session's open sockets with 4401, and only those", async () => {
    const login = async () =>
      (
        await call('POST', '/api/auth/login', {
          body: { email: 'sam@acme.example', password: 'a long enough password' },
        })
      ).cookie!;
    const leaving = await login();
    const staying = await login();
    const a = provider(dealId, leaving);
    const b = provider(dealId, staying);
    await until(() => a.provider.synced && b.provider.synced, { what: 'both sessions to sync' });
    const closed = new Promise<{ code: number }>((resolve) => a.provider.once('closed', resolve));
    expect((await call('POST', '/api/auth/logout', { cookie: leaving })).status).toBe(200);
    expect((await closed).code).toBe(4401);
    b.doc.getMap('probe').set('still-here', 1);
    await until(async () => (await storedDoc(handle.db, dealId)).getMap('probe').get('still-here') === 1, {
      what: 'the other session to keep writing',
    });
    expect(b.provider.wsconnected).toBe(true);
    b.provider.destroy();
  });

  it('refuses a wrong or missing Origin before upgrading (HTTP 403), and on the API', async () => {
    const evil = await rawConnect(server, dealId, { cookie: cookies.seller, origin: 'https://evil.example' });
    expect(evil.httpStatus).toBe(403);
    expect(evil.bytes).toBe(0);
    const none = await rawConnect(server, dealId, { cookie: cookies.seller, origin: null });
    expect(none.httpStatus).toBe(403);
    const post = await fetch(`${server.url}/api/deals`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', cookie: cookies.seller!, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', buyer: 'y' }),
    });
    expect(post.status).toBe(403);
  });

  it('closes unknown room names with 4404 and unknown deals with 4403 (existence never leaks)', async () => {
    for (const room of ['lobby', `${dealId}/notes`, `${dealId}/seller/x`, 'not-a-uuid/seller']) {
      expect((await rawConnect(server, room, { cookie: cookies.seller })).closeCode).toBe(4404);
    }
    const nowhere = await rawConnect(server, '00000000-0000-4000-8000-000000000000', { cookie: cookies.seller });
    expect(nowhere.closeCode).toBe(4403);
  });

  it('the stock provider stops on a refusal and reports the code', async () => {
    const refused = provider(`${dealId}/seller`, cookies.mobilizer);
    const closed = await new Promise<{ code: number }>((resolve) => refused.provider.once('closed', resolve));
    expect(closed.code).toBe(4403);
    expect(refused.provider.shouldConnect).toBe(false);
  });

  it('closes a frame over the size limit with 1009 before buffering it', async () => {
    const huge = new Uint8Array(3 * 1024 * 1024);
    huge[0] = 0; // a sync message, far too large
    const raw = await rawConnect(server, dealId, { cookie: cookies.seller, send: [huge] });
    expect(raw.closeCode).toBe(1009);
  });

  it('closes a connection that floods messages (1008), and the room carries on', async () => {
    const queryAwareness = new Uint8Array([3]);
    const flood = await rawConnect(floodServer, dealId, {
      cookie: cookies.seller,
      send: Array.from({ length: 50 }, () => queryAwareness),
    });
    expect(flood.closeCode).toBe(1008);
    const calm = provider(dealId, cookies.seller);
    await until(() => calm.provider.synced, { what: 'another client to sync after the flood' });
    const metrics = await (await fetch(`${floodServer.url}/metrics`)).text();
    expect(metrics).toMatch(/quorum_sync_rate_limited_connections_total [1-9]/);
  });
});
