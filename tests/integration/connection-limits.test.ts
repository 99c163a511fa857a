/**
 * What one client can cost the real one-port server (issue 10, defect 5, and the session re-check): connections
 * that send nothing or send slowly are closed, sockets that stop answering pings are dropped, a client that never
 * answers a close frame is let go, per-IP and per-user caps refuse more sockets with HTTP 429, an expired session's
 * sockets close with 4401 at the next re-check, and a revoked membership closes exactly that deal's sockets (4403).
 * The limits are set small here; docs/security.md lists their defaults.
 */
import { createHash } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { createAuth } from '@quorum/auth';
import { type DbHandle, sessions } from '@quorum/db';
import { createTestDb } from '@quorum/db/testing';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { until } from '@quorum/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createApp, type QuorumApp } from '../../apps/server/src/app.ts';
import { type RunningServer, startServer } from '../../apps/server/src/server.ts';
import {
  createLocalRevocationBus,
  createRoomGuard,
  type RevocationBus,
  type SyncContext,
} from '../../apps/server/src/sync/index.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const ORIGIN = 'http://quorum.test';

/** A websocket to a room, with how it ended: an HTTP status (refused upgrade) or a close code. */
interface Opened {
  ws: WebSocket;
  opened: boolean;
  status: number | null;
  closeCode: number | null;
}

function openSocket(server: RunningServer, room: string, cookie: string | null, options: WebSocket.ClientOptions = {}) {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (cookie) headers.cookie = cookie;
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${room}`, { headers, ...options });
  const state: Opened = { ws, opened: false, status: null, closeCode: null };
  ws.on('open', () => {
    state.opened = true;
  });
  ws.on('unexpected-response', (_request, response) => {
    state.status = response.statusCode ?? null;
    ws.terminate();
  });
  ws.on('error', () => undefined);
  ws.on('close', (code) => {
    state.closeCode = code;
  });
  return state;
}

/** A raw TCP connection to the server, recording whether and what it received, and when it closed. */
function rawTcp(server: RunningServer): { socket: Socket; received: () => string; closed: () => boolean } {
  const socket = connect(server.port, '127.0.0.1');
  let received = '';
  let closed = false;
  socket.on('data', (chunk) => {
    received += chunk.toString('latin1');
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    closed = true;
  });
  return { socket, received: () => received, closed: () => closed };
}

describe('connection limits on the one-port server (PGlite)', () => {
  let handle: DbHandle;
  let engine: RoomEngine<SyncContext>;
  let app: QuorumApp;
  let server: RunningServer;
  let revocations: RevocationBus;
  let cookie: string;
  let userId: string;
  const dealIds: string[] = [];
  const sockets: WebSocket[] = [];
  const raws: Socket[] = [];

  async function call(path: string, body: unknown, withCookie: string | null = null) {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', ...(withCookie ? { cookie: withCookie } : {}) },
      body: JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
    return { status: res.status, body: (await res.json()) as any, setCookie: res.headers.get('set-cookie') };
  }

  const track = (state: Opened) => {
    sockets.push(state.ws);
    return state;
  };

  beforeAll(async () => {
    handle = await createTestDb('pglite');
    const auth = createAuth({ db: handle.db });
    engine = new RoomEngine<SyncContext>({
      persistence: createPostgresPersistence(handle.db),
      hooks: { onConnect: createRoomGuard({ db: handle.db, auth, origins: [ORIGIN] }) },
    });
    revocations = createLocalRevocationBus();
    app = createApp({
      db: handle.db,
      auth,
      engine,
      origin: ORIGIN,
      revocations,
      // A heartbeat and a close grace long enough that a busy test machine never misses them by accident.
      syncLimits: {
        maxSocketsPerIp: 6,
        maxSocketsPerUser: 4,
        heartbeatMs: 1_000,
        sessionCheckMs: 150,
        closeGraceMs: 500,
      },
    });
    server = await startServer(app, {
      port: 0,
      hostname: '127.0.0.1',
      timeouts: { headersTimeoutMs: 300, requestTimeoutMs: 600, checkIntervalMs: 100 },
    });
    const signup = await call('/api/auth/signup', {
      email: 'ada@acme.example',
      password: 'a long enough password',
      name: 'Ada',
      organization: 'Acme',
    });
    cookie = signup.setCookie!.split(';')[0]!;
    userId = signup.body.user.id;
    for (const title of ['Fleet', 'Laptops']) {
      dealIds.push((await call('/api/deals', { title, buyer: 'Northwind' }, cookie)).body.id);
    }
  });

  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    for (const raw of raws) raw.destroy();
    await engine?.close();
    await server?.close();
    await handle?.close();
  });

  it('closes a connection that sends nothing, and one that sends its headers too slowly', async () => {
    const silent = rawTcp(server);
    const slow = rawTcp(server);
    raws.push(silent.socket, slow.socket);
    slow.socket.write('GET /healthz HTTP/1.1\r\nHost: quorum.test\r\n');
    await until(() => silent.closed() && slow.closed(), { what: 'the idle connections to be closed' });
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
    // The server still answers everyone else.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('terminates a socket that stops answering pings, and keeps the one that answers', async () => {
    const deaf = track(openSocket(server, dealIds[0]!, cookie, { autoPong: false }));
    const live = track(openSocket(server, dealIds[0]!, cookie));
    await until(() => deaf.opened && live.opened, { what: 'both sockets to open' });
    await until(() => deaf.closeCode !== null, { what: 'the deaf socket to be dropped' });
    expect(deaf.closeCode).toBe(1006); // terminated, no close frame
    expect(live.closeCode).toBeNull();
    live.ws.close();
    await until(() => live.closeCode !== null, { what: 'the live socket to close' });
  });

  it('drops a client that never answers the close frame instead of holding it for 30 s', async () => {
    const raw = rawTcp(server);
    raws.push(raw.socket);
    // An anonymous upgrade by hand: the guard closes it with 4401, and this client never answers the close frame.
    raw.socket.write(
      [
        `GET /sync/${dealIds[0]} HTTP/1.1`,
        'Host: quorum.test',
        `Origin: ${ORIGIN}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        '',
        '',
      ].join('\r\n'),
    );
    await until(() => raw.received().includes('HTTP/1.1 101'), { what: 'the upgrade' });
    await until(() => raw.closed(), { what: 'the server to drop the silent client' });
    // The close frame (opcode 8) carried 4401 before the drop.
    const frame = Buffer.from(raw.received().split('\r\n\r\n')[1] ?? '', 'latin1');
    expect(frame[0]).toBe(0x88);
    expect(frame.readUInt16BE(2)).toBe(4401);
  });

  it('refuses sockets past the per-user cap with HTTP 429, and frees a slot when one closes', async () => {
    const open = [0, 1, 2, 3].map(() => track(openSocket(server, dealIds[0]!, cookie)));
    await until(() => open.every((s) => s.opened), { what: 'four sockets to open' });
    const fifth = track(openSocket(server, dealIds[0]!, cookie));
    await until(() => fifth.status !== null, { what: 'the fifth to be refused' });
    expect(fifth.status).toBe(429);
    open[0]!.ws.close();
    await until(() => open[0]!.closeCode !== null, { what: 'one socket to close' });
    const again = track(openSocket(server, dealIds[0]!, cookie));
    await until(() => again.opened, { what: 'a socket to open in the freed slot', timeoutMs: 10_000 });
    for (const s of [...open.slice(1), again]) s.ws.close();
    await until(() => [...open.slice(1), again].every((s) => s.closeCode !== null), { what: 'the sockets to close' });
  });

  it('refuses sockets past the per-IP cap with HTTP 429, whoever asks', async () => {
    // Two people on one address: Ada (4 sockets, her own cap) and Cole (2), which fills the address's 6.
    const cole = await call('/api/auth/signup', {
      email: 'cole@beta.example',
      password: 'a long enough password',
      name: 'Cole',
      organization: 'Beta',
    });
    const coleCookie = cole.setCookie!.split(';')[0]!;
    const coleDeal = (await call('/api/deals', { title: 'Beta deal', buyer: 'Someone' }, coleCookie)).body.id;
    const held = [
      ...[0, 1, 2, 3].map(() => track(openSocket(server, dealIds[0]!, cookie))),
      ...[0, 1].map(() => track(openSocket(server, coleDeal, coleCookie))),
    ];
    await until(() => held.every((s) => s.opened), { what: 'six sockets to open' });
    const refused = track(openSocket(server, dealIds[1]!, null));
    await until(() => refused.status !== null, { what: 'the seventh upgrade to be answered' });
    expect(refused.status).toBe(429);
    for (const s of held) s.ws.close();
    await until(() => held.every((s) => s.closeCode !== null), { what: 'the sockets to close' });
  });

  it('closes the sockets of an expired session with 4401 at the next re-check', async () => {
    const login = await call('/api/auth/login', { email: 'ada@acme.example', password: 'a long enough password' });
    const session = login.setCookie!.split(';')[0]!;
    const expiring = track(openSocket(server, dealIds[0]!, session));
    const other = track(openSocket(server, dealIds[0]!, cookie));
    await until(() => expiring.opened && other.opened, { what: 'both sockets to open' });
    const id = createHash('sha256').update(session.split('=')[1]!).digest('hex');
    await handle.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, id));
    await until(() => expiring.closeCode !== null, { what: 'the expired session to be closed' });
    expect(expiring.closeCode).toBe(4401);
    expect(other.closeCode).toBeNull();
    other.ws.close();
    await until(() => other.closeCode !== null, { what: 'the other socket to close' });
  });

  it("a revoked membership closes that user's sockets to that deal only", async () => {
    const removed = track(openSocket(server, dealIds[0]!, cookie));
    const seller = track(openSocket(server, `${dealIds[0]}/seller`, cookie));
    const otherDeal = track(openSocket(server, dealIds[1]!, cookie));
    await until(() => [removed, seller, otherDeal].every((s) => s.opened), { what: 'three sockets to open' });
    await revocations.publish({ kind: 'membership', userId, dealId: dealIds[0]! });
    await until(() => removed.closeCode !== null && seller.closeCode !== null, { what: 'the deal sockets to close' });
    // Still signed in, no longer on the deal: 4403 (not allowed), not 4401 (signed out).
    expect([removed.closeCode, seller.closeCode]).toEqual([4403, 4403]);
    expect(otherDeal.closeCode).toBeNull();
    expect(app.sessions.size).toBe(1);
    otherDeal.ws.close();
  });
});
