import { createAuth, hashToken } from '@quorum/auth';
import { apiTokens, testDatabaseKinds } from '@quorum/db';
import { CloseCode, createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type RunningServer, startServer } from '../server.ts';
import { createRoomGuard, type SyncContext } from '../sync/index.ts';
import { createTestApp, TEST_ORIGIN, type TestAccount, type TestApp } from '../testing/test-app.ts';

describe.each(testDatabaseKinds())('API tokens on %s', (kind) => {
  let t: TestApp;
  let engine: RoomEngine<SyncContext>;
  let ana: TestAccount;

  beforeEach(async () => {
    t = await createTestApp(kind, (db) => {
      engine = new RoomEngine<SyncContext>({
        persistence: createPostgresPersistence(db),
        hooks: { onConnect: createRoomGuard({ db, auth: createAuth({ db }), origins: [TEST_ORIGIN] }) },
      });
      return { engine, apiTokenRate: { limit: 5, windowMs: 60_000 } };
    });
    ana = await t.signup({ email: 'ana@acme.example', organization: 'Acme' });
  });
  afterEach(async () => {
    await engine.close();
    await t.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  async function createToken(name = 'CRM sync') {
    const res = await t.call('POST', '/api/tokens', { cookie: ana.cookie, body: { name } });
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string; name: string };
  }

  it('is shown once and stored only as its SHA-256; the list has no secret', async () => {
    const created = await createToken();
    expect(created.token).toMatch(/^qrm_[A-Za-z0-9_-]{40,}$/);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row?.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const list = await t.call('GET', '/api/tokens', { cookie: ana.cookie });
    expect(list.body.tokens).toEqual([
      { id: created.id, name: 'CRM sync', createdAt: expect.any(String), lastUsedAt: null },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(created.token);
  });

  it('acts as its user on /api without a cookie or an Origin, and marks itself used', async () => {
    const { token, id } = await createToken();
    const me = await t.call('GET', '/api/me', { origin: null, headers: bearer(token) });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('ana@acme.example');
    const deal = await t.call('POST', '/api/deals', {
      origin: null,
      headers: bearer(token),
      body: { title: 'Scripted', buyer: 'Northwind' },
    });
    expect(deal.status).toBe(201);
    const list = await t.call('GET', '/api/deals', { cookie: ana.cookie });
    expect(list.body.deals.map((d: { title: string }) => d.title)).toEqual(['Scripted']);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    // A cookie still needs the Origin: only the token is exempt.
    const forged = await t.call('POST', '/api/deals', {
      origin: null,
      cookie: ana.cookie,
      body: { title: 'Forged', buyer: 'Evil' },
    });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('bad_origin');
  });

  it('cannot create or revoke tokens (a session cookie is needed)', async () => {
    const { token, id } = await createToken();
    const mint = await t.call('POST', '/api/tokens', { origin: null, headers: bearer(token), body: { name: 'more' } });
    expect(mint.status).toBe(403);
    expect(mint.body.error.code).toBe('session_required');
    const revoke = await t.call('DELETE', `/api/tokens/${id}`, { origin: null, headers: bearer(token) });
    expect(revoke.status).toBe(403);
    expect((await t.call('GET', '/api/tokens', { cookie: ana.cookie })).body.tokens).toHaveLength(1);
  });

  it('answers 401 once revoked, and to an unknown token, never falling back to the cookie', async () => {
    const { token, id } = await createToken();
    const revoked = await t.call('DELETE', `/api/tokens/${id}`, { cookie: ana.cookie });
    expect(revoked.body).toEqual({ id, deleted: true });
    const after = await t.call('GET', '/api/me', { headers: bearer(token) });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('invalid_token');
    const unknown = await t.call('GET', '/api/me', { cookie: ana.cookie, headers: bearer('qrm_nope') });
    expect(unknown.status).toBe(401);
    const garbled = await t.call('POST', '/api/deals', {
      origin: null,
      cookie: ana.cookie,
      headers: { authorization: 'Bearer two words' },
      body: { title: 'X', buyer: 'Y' },
    });
    expect(garbled.status).toBe(401);
    // Someone else's token id is not found.
    const bea = await t.signup({ email: 'bea@acme.example', organization: 'Other' });
    const mine = await createToken();
    expect((await t.call('DELETE', `/api/tokens/${mine.id}`, { cookie: bea.cookie })).status).toBe(404);
  });

  it('is rate-limited per token', async () => {
    const first = await createToken('one');
    const second = await createToken('two');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await t.call('GET', '/api/me', { headers: bearer(first.token) })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await t.call('GET', '/api/me', { headers: bearer(second.token) })).status).toBe(200);
  });

  describe('on /sync', () => {
    let server: RunningServer;
    beforeEach(async () => {
      server = await startServer(t.app, { port: 0, hostname: '127.0.0.1' });
    });
    afterEach(async () => {
      await server.close();
    });

    function connect(room: string, headers: Record<string, string>) {
      const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${room}`, { headers });
      const received: unknown[] = [];
      ws.on('message', (data) => received.push(data));
      ws.on('error', () => undefined);
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
      return { ws, received, closed };
    }

    it('lets a script in with its token and no Origin, and closes the socket when the token is revoked', async () => {
      const { token, id } = await createToken();
      const deal = await t.call('POST', '/api/deals', { cookie: ana.cookie, body: { title: 'Live', buyer: 'N' } });
      const socket = connect(deal.body.id, bearer(token));
      await expect.poll(() => socket.received.length).toBeGreaterThan(0);
      await t.call('DELETE', `/api/tokens/${id}`, { cookie: ana.cookie });
      expect(await socket.closed).toBe(CloseCode.unauthorized);
      const again = connect(deal.body.id, bearer(token));
      expect(await again.closed).toBe(CloseCode.unauthorized);
      expect(again.received).toEqual([]);
    });

    it('does not let a token into a room its user may not open', async () => {
      const { token } = await createToken();
      const bea = await t.signup({ email: 'bea@other.example', organization: 'Other' });
      const deal = await t.call('POST', '/api/deals', { cookie: bea.cookie, body: { title: 'Theirs', buyer: 'N' } });
      const socket = connect(deal.body.id, bearer(token));
      expect(await socket.closed).toBe(CloseCode.forbidden);
      expect(socket.received).toEqual([]);
    });
  });
});
