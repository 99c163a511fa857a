/**
 * The one-port server end to end: the built web app, the JSON API and the y-websocket endpoint on the
 * same port. A seller signs up and creates a deal, invites a buyer who signs up in a "second browser" and
 * accepts, and both edit the room live through the stock WebsocketProvider. Plus what a browser relies
 * on over real HTTP: single-use, expiring invites; no seller invite across organizations; login brute
 * force cut off with 429; malformed JSON and bad fields answered with 400 naming the field.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAuth, hashToken } from '@quorum/auth';
import { type DbHandle, invites } from '@quorum/db';
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
import { loadWebBuild } from '../../apps/server/src/web/index.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const ORIGIN = 'http://quorum.test';
const WEB_BUILD = fileURLToPath(new URL('../../apps/web/build', import.meta.url));

/** One browser: its own cookie jar, sending the app's Origin like a page of the app does. */
class Browser {
  cookie: string | null = null;
  constructor(private readonly server: () => RunningServer) {}

  async call(method: string, path: string, body?: unknown, { raw }: { raw?: string } = {}) {
    const res = await fetch(`${this.server().url}${path}`, {
      method,
      headers: {
        origin: ORIGIN,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
    const json = (await res.json()) as any;
    return { status: res.status, body: json, headers: res.headers };
  }

  provider(room: string): { doc: Y.Doc; provider: WebsocketProvider } {
    const headers = { origin: ORIGIN, cookie: this.cookie ?? '' };
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${this.server().url.replace('http', 'ws')}/sync`, room, doc, {
      WebSocketPolyfill: class extends WebSocket {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      } as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    return { doc, provider };
  }
}

describe.each(testDatabaseKinds())('one-port server on %s', (dbKind) => {
  let handle: DbHandle;
  let engine: RoomEngine<SyncContext>;
  let server: RunningServer;
  const providers: WebsocketProvider[] = [];
  const browser = () => new Browser(() => server);

  beforeAll(async () => {
    handle = await createTestDb(dbKind);
    const auth = createAuth({ db: handle.db });
    engine = new RoomEngine<SyncContext>({
      persistence: createPostgresPersistence(handle.db),
      hooks: { onConnect: createRoomGuard({ db: handle.db, auth, origins: [ORIGIN] }) },
    });
    const app = createApp({
      db: handle.db,
      auth,
      engine,
      origin: ORIGIN,
      web: await loadWebBuild(WEB_BUILD),
      rateLimits: { loginPerAccount: { limit: 5, windowMs: 15 * 60_000 } },
    });
    server = await startServer(app, { port: 0, hostname: '127.0.0.1' });
  });

  afterAll(async () => {
    for (const p of providers) p.destroy();
    await engine?.close();
    await server?.close();
    await handle?.close();
  });

  it('a seller and an invited buyer land in the same deal and edit it live with the stock provider', async () => {
    const seller = browser();
    expect(
      (
        await seller.call('POST', '/api/auth/signup', {
          email: 'sam@acme.example',
          password: 'sam password 123',
          name: 'Sam',
          organization: 'Acme',
        })
      ).status,
    ).toBe(201);
    const created = await seller.call('POST', '/api/deals', { title: 'Laptop refresh', buyer: 'Northwind' });
    expect(created.status).toBe(201);
    const dealId = created.body.id as string;
    const invite = await seller.call('POST', `/api/deals/${dealId}/invites`, {
      email: 'bea@northwind.example',
      role: 'mobilizer',
    });
    expect(invite.status).toBe(201);
    const path = new URL(invite.body.url).pathname;
    expect(path).toMatch(/^\/invite\/[A-Za-z0-9_-]{22,}$/);
    const token = path.split('/').pop()!;

    // The second browser opens the link: the preview, then sign up, then accept.
    const buyer = browser();
    const preview = await buyer.call('GET', `/api/invites/${token}`);
    expect(preview.body).toMatchObject({ dealTitle: 'Laptop refresh', inviterName: 'Sam', role: 'mobilizer' });
    expect((await buyer.call('POST', `/api/invites/${token}/accept`)).status).toBe(401);
    await buyer.call('POST', '/api/auth/signup', {
      email: 'bea@northwind.example',
      password: 'bea password 123',
      name: 'Bea',
    });
    expect((await buyer.call('POST', `/api/invites/${token}/accept`)).body).toEqual({ dealId, role: 'mobilizer' });
    expect((await buyer.call('GET', '/api/deals')).body.deals).toEqual([
      expect.objectContaining({ id: dealId, role: 'mobilizer', title: 'Laptop refresh' }),
    ]);
    expect((await seller.call('GET', '/api/deals')).body.deals).toEqual([
      expect.objectContaining({ id: dealId, role: 'seller' }),
    ]);

    // Both open the shared room on the same port and see each other's keystrokes.
    const a = seller.provider(dealId);
    const b = buyer.provider(dealId);
    providers.push(a.provider, b.provider);
    await until(() => a.provider.synced && b.provider.synced, { what: 'both providers to sync' });
    expect(b.doc.getMap('meta').get('title')).toBe('Laptop refresh');
    a.doc.getText('scratch').insert(0, 'hello from the seller');
    await until(() => b.doc.getText('scratch').toString() === 'hello from the seller', {
      what: 'the seller edit at the buyer',
    });
    b.doc.getText('scratch').insert(0, '> ');
    await until(() => a.doc.getText('scratch').toString() === '> hello from the seller', {
      what: 'the buyer edit at the seller',
    });
  });

  it('serves the web app, /healthz and /metrics on the same port as the API', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^quorum_sync_connections \d+$/m);
    expect(metrics).toMatch(/^quorum_sync_persist_latency_ms_count \d+$/m);
    const api404 = await fetch(`${server.url}/api/no-such-thing`);
    expect(api404.status).toBe(404);
    expect(((await api404.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it.skipIf(!existsSync(`${WEB_BUILD}/handler.js`))('hands every other path to the SvelteKit build', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<html');
  });

  it('an invite works once and not after expiry; a seller invite cannot cross organizations', async () => {
    const seller = browser();
    await seller.call('POST', '/api/auth/signup', {
      email: 'sue@acme2.example',
      password: 'sue password 123',
      name: 'Sue',
      organization: 'Acme Two',
    });
    const dealId = (await seller.call('POST', '/api/deals', { title: 'Fleet', buyer: 'Initech' })).body.id;
    const newInvite = async (role: 'mobilizer' | 'seller', email: string) => {
      const res = await seller.call('POST', `/api/deals/${dealId}/invites`, { email, role });
      return new URL(res.body.url).pathname.split('/').pop()!;
    };
    const first = browser();
    await first.call('POST', '/api/auth/signup', {
      email: 'one@initech.example',
      password: 'one password 12',
      name: 'One',
    });
    const second = browser();
    await second.call('POST', '/api/auth/signup', {
      email: 'two@initech.example',
      password: 'two password 12',
      name: 'Two',
    });

    const once = await newInvite('mobilizer', 'one@initech.example');
    expect((await first.call('POST', `/api/invites/${once}/accept`)).status).toBe(200);
    const reused = await second.call('POST', `/api/invites/${once}/accept`);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('invite_used');

    const stale = await newInvite('mobilizer', 'two@initech.example');
    await handle.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(invites.tokenHash, hashToken(stale)));
    expect((await second.call('POST', `/api/invites/${stale}/accept`)).status).toBe(410);
    expect((await second.call('GET', `/api/deals/${dealId}`)).status).toBe(404);

    const rival = browser();
    await rival.call('POST', '/api/auth/signup', {
      email: 'rex@rival.example',
      password: 'rex password 12',
      name: 'Rex',
      organization: 'Rival',
    });
    const crossing = await rival.call('POST', `/api/invites/${await newInvite('seller', 'rex@rival.example')}/accept`);
    expect(crossing.status).toBe(403);
    expect(crossing.body.error.code).toBe('other_organization');
    expect((await rival.call('GET', `/api/deals/${dealId}`)).status).toBe(404);
  });

  it('cuts off login brute force with 429 and Retry-After', async () => {
    const owner = browser();
    await owner.call('POST', '/api/auth/signup', {
      email: 'vic@acme.example',
      password: 'victim password',
      name: 'Vic',
    });
    const attacker = browser();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await attacker.call('POST', '/api/auth/login', { email: 'vic@acme.example', password: `guess-${i}` });
      statuses.push(res.status);
      retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even the right password waits out the window.
    const right = await attacker.call('POST', '/api/auth/login', {
      email: 'vic@acme.example',
      password: 'victim password',
    });
    expect(right.status).toBe(429);
  });

  it('answers malformed JSON and bad fields with 400 naming the problem', async () => {
    const b = browser();
    const malformed = await b.call('POST', '/api/auth/signup', undefined, { raw: '{"email":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');
    const short = await b.call('POST', '/api/auth/signup', {
      email: 'pat@example.com',
      password: 'short',
      name: 'Pat',
    });
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({ code: 'invalid_input', field: 'password' });
    expect(short.body.error.message).toMatch(/10 characters/);
    const email = await b.call('POST', '/api/auth/signup', { email: 'pat', password: 'long enough pw', name: 'Pat' });
    expect(email.body.error.field).toBe('email');
  });
});
