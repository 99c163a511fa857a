import { createAuth } from '@quorum/auth';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { CloseCode, createPostgresPersistence, protocol, RoomEngine } from '@quorum/sync';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createApp } from '../app.ts';
import { startServer } from '../server.ts';
import { createRoomGuard, type SyncContext, sanitizeAwareness } from './index.ts';

const ORIGIN = 'http://quorum.test';

const sockets: WebSocket[] = [];

/** A websocket to `/sync/<room>` with what it received and how it was closed. */
function openSocket(base: string, room: string, cookie: string) {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/sync/${room}`, { headers: { cookie, origin: ORIGIN } });
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  sockets.push(ws);
  return { ws, received, closed };
}

describe.each(testDatabaseKinds())('room guard when the database fails (%s)', (kind) => {
  it('refuses a new connection with 1013 (try again later), before any byte, even to a loaded room', async () => {
    const handle = await createTestDb(kind);
    const auth = createAuth({ db: handle.db });
    const guardErrors: unknown[] = [];
    const engine = new RoomEngine<SyncContext>({
      persistence: createPostgresPersistence(handle.db),
      hooks: {
        onConnect: createRoomGuard({
          db: handle.db,
          auth,
          origins: [ORIGIN],
          onError: (error) => guardErrors.push(error),
        }),
        onError: () => undefined,
      },
    });
    const app = createApp({ db: handle.db, auth, engine, origin: ORIGIN, log: () => undefined });
    const server = await startServer(app, { port: 0, hostname: '127.0.0.1' });
    let databaseOpen = true;
    try {
      const signup = await app.request(`${ORIGIN}/api/auth/signup`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'ada@acme.test',
          password: 'a long enough password',
          name: 'Ada',
          organization: 'Acme',
        }),
      });
      const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
      const created = await app.request(`${ORIGIN}/api/deals`, {
        method: 'POST',
        headers: { origin: ORIGIN, cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Outage', buyer: 'Northwind' }),
      });
      const { id: dealId } = (await created.json()) as { id: string };

      // While the database is up, the seller is let in and the room is loaded.
      const first = openSocket(server.url, dealId, cookie);
      await expect.poll(() => first.received.length, { timeout: 10_000 }).toBeGreaterThan(0);

      await handle.close();
      databaseOpen = false;
      // The session cannot be checked: try again later, not an internal error, and not a byte of the document.
      const late = openSocket(server.url, dealId, cookie);
      expect(await late.closed).toBe(CloseCode.tryAgainLater);
      expect(late.received).toEqual([]);
      expect(guardErrors.length).toBeGreaterThan(0);
    } finally {
      for (const ws of sockets.splice(0)) ws.terminate();
      await server.close();
      await engine.close().catch(() => undefined); // the database is gone: nothing is pending, compaction fails
      if (databaseOpen) await handle.close();
    }
  });
});

describe.each(testDatabaseKinds())('presence through the room guard (%s)', (kind) => {
  it('relays who the session says, and never a private field’s name, in the shared room', async () => {
    const handle = await createTestDb(kind);
    const auth = createAuth({ db: handle.db });
    const engine = new RoomEngine<SyncContext>({
      persistence: createPostgresPersistence(handle.db),
      hooks: {
        onConnect: createRoomGuard({ db: handle.db, auth, origins: [ORIGIN] }),
        onAwarenessState: sanitizeAwareness,
      },
    });
    const app = createApp({ db: handle.db, auth, engine, origin: ORIGIN, log: () => undefined });
    const server = await startServer(app, { port: 0, hostname: '127.0.0.1' });
    try {
      const signup = await app.request(`${ORIGIN}/api/auth/signup`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'sam@acme.test',
          password: 'a long enough password',
          name: 'Sam',
          organization: 'Acme',
        }),
      });
      const { user } = (await signup.json()) as { user: { id: string } };
      const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
      const created = await app.request(`${ORIGIN}/api/deals`, {
        method: 'POST',
        headers: { origin: ORIGIN, cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Presence', buyer: 'Northwind' }),
      });
      const { id: dealId } = (await created.json()) as { id: string };
      const watcher = openSocket(server.url, dealId, cookie);
      const writer = openSocket(server.url, dealId, cookie);
      await expect.poll(() => watcher.received.length + writer.received.length, { timeout: 10_000 }).toBeGreaterThan(1);
      const claimed = {
        user: { id: 'the-ceo', name: 'The CEO', colour: '#123456', side: 'buyer' },
        editing: 'abc:specialConcern',
      };
      const entries = [{ clientId: 4242, clock: 1, json: protocol.awarenessStateJson(claimed) }];
      writer.ws.send(protocol.encodeAwareness(protocol.encodeAwarenessEntries(entries)));
      const relayed = async () => {
        for (const frame of watcher.received) {
          const message = protocol.decodeMessage(frame);
          if (message.type !== 'awareness') continue;
          for (const entry of protocol.decodeAwarenessEntries(message.update)) {
            if (entry.clientId === 4242) return protocol.parseAwarenessState(entry.json);
          }
        }
        return undefined;
      };
      await expect.poll(relayed, { timeout: 10_000 }).toBeDefined();
      expect(await relayed()).toEqual({
        user: { id: user.id, name: 'Sam', colour: '#123456', side: 'seller' },
        editing: null,
      });
    } finally {
      for (const ws of sockets.splice(0)) ws.terminate();
      await server.close();
      await engine.close();
      await handle.close();
    }
  });
});
