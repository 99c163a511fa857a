import type { DbHandle } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InProcessFanOut } from '../fan-out/index.ts';
import { createPostgresPersistence, type Persistence } from '../persistence/index.ts';
import { awarenessStateJson, encodeAwareness, encodeAwarenessEntries } from '../protocol.ts';
import { connectClient, synced, type TestClient, until } from '../testing/clients.ts';
import { openRawSocket, type RawSocket } from '../testing/raw-socket.ts';
import { type EngineWsServer, serveEngine, type WsContext } from '../testing/ws-server.ts';
import { RoomEngine } from './room-engine.ts';
import type { RoomEngineOptions } from './types.ts';

/** An awareness frame announcing `states` (client id → state; null removes), each at `clock`. */
function awarenessFrame(states: Array<[number, unknown]>, clock = 10): Uint8Array {
  return encodeAwareness(
    encodeAwarenessEntries(states.map(([clientId, state]) => ({ clientId, clock, json: awarenessStateJson(state) }))),
  );
}

type User = { user?: { name?: string; focus?: string } };

describe.each(testDatabaseKinds())('awareness admission (%s)', (kind) => {
  let handle: DbHandle;
  let persistence: Persistence;
  let fanOut: InProcessFanOut;
  let engines: RoomEngine<WsContext>[];
  let servers: EngineWsServer[];
  let clients: TestClient[];
  let raws: RawSocket[];
  const seen: Array<{ identity: unknown; state: unknown }> = [];

  /** An engine whose connect hook reads `mode` (read-only) and `who` (the identity) from the URL. */
  async function start(options: Partial<RoomEngineOptions<WsContext>> = {}) {
    const engine = new RoomEngine<WsContext>({
      persistence,
      fanOut,
      hooks: {
        onConnect: ({ context }) => ({
          readOnly: context.url.searchParams.get('mode') === 'read',
          identity: { who: context.url.searchParams.get('who') },
        }),
        // Presence may not name a private field, and 'muted' announces nothing.
        onAwarenessState: ({ identity, state }) => {
          if ((identity as { who: string | null }).who === 'muted') return null;
          const user = (state as User).user;
          if (user?.focus?.startsWith('private:')) return { ...(state as User), user: { ...user, focus: undefined } };
          return state;
        },
      },
      ...options,
    });
    const server = await serveEngine(engine);
    engines.push(engine);
    servers.push(server);
    return { engine, server };
  }
  const client = (server: EngineWsServer, room: string, who: string) => {
    const c = connectClient(server.url, room, { params: { who } });
    clients.push(c);
    return c;
  };
  const raw = async (server: EngineWsServer, room: string) => {
    const socket = await openRawSocket(server.url, room);
    raws.push(socket);
    return socket;
  };

  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(() => {
    persistence = createPostgresPersistence(handle.db);
    fanOut = new InProcessFanOut();
    engines = [];
    servers = [];
    clients = [];
    raws = [];
    seen.length = 0;
  });
  afterEach(async () => {
    for (const c of clients) c.destroy();
    for (const r of raws) r.ws.terminate();
    for (const s of servers) await s.close();
    for (const e of engines) await e.close();
  });

  it('a read-only connection announcing 501 states owns at most maxAwarenessClients of them', async () => {
    const { engine, server } = await start();
    const seller = client(server, 'flood', 'seller');
    await synced(seller);
    seller.provider.awareness.setLocalStateField('user', { name: 'Seller' });
    await until(() => engine.awarenessStates('flood').size === 1);
    const manager = await raw(server, 'flood?mode=read&who=manager');
    const fakes: Array<[number, unknown]> = Array.from({ length: 501 }, (_, i) => [
      1_000_000 + i,
      { user: { name: `fake ${i}` } },
    ]);
    manager.ws.send(awarenessFrame(fakes));
    await until(() => engine.awarenessStates('flood').size === 3);
    // A second frame with more new ids claims nothing more.
    manager.ws.send(
      awarenessFrame(
        [
          [2_000_000, { user: { name: 'late fake' } }],
          [1_000_000, { user: { name: 'renamed' } }],
        ],
        11,
      ),
    );
    await until(() => (engine.awarenessStates('flood').get(1_000_000) as User | undefined)?.user?.name === 'renamed');
    expect(engine.awarenessStates('flood').size).toBe(3);
    expect(engine.stats().droppedAwareness).toBe(499 + 1);
    await until(() => seller.provider.awareness.getStates().size === 3);
  });

  it("no connection replaces or removes another's state, on this instance or another", async () => {
    const one = await start();
    const two = await start();
    const seller = client(one.server, 'spoof', 'seller');
    const buyer = client(one.server, 'spoof', 'buyer');
    await Promise.all([synced(seller), synced(buyer)]);
    // The second instance holds the room once a connection to it is open.
    const remote = await raw(two.server, 'spoof?who=mallory');
    seller.provider.awareness.setLocalStateField('user', { name: 'Seller' });
    const sellerId = seller.doc.clientID;
    await until(() => (two.engine.awarenessStates('spoof').get(sellerId) as User | undefined)?.user?.name === 'Seller');

    const local = await raw(one.server, 'spoof?who=mallory');
    local.ws.send(
      awarenessFrame(
        [
          [sellerId, { user: { name: 'Mallory' } }],
          [77, { user: { name: 'local marker' } }],
        ],
        1000,
      ),
    );
    remote.ws.send(
      awarenessFrame(
        [
          [sellerId, null],
          [78, { user: { name: 'remote marker' } }],
        ],
        1001,
      ),
    );
    // Each frame was handled once its own entry shows up (on both instances).
    await until(() => one.engine.awarenessStates('spoof').has(77) && one.engine.awarenessStates('spoof').has(78));
    await until(() => (buyer.provider.awareness.getStates().get(78) as User | undefined) !== undefined);
    expect((one.engine.awarenessStates('spoof').get(sellerId) as User).user?.name).toBe('Seller');
    expect((two.engine.awarenessStates('spoof').get(sellerId) as User).user?.name).toBe('Seller');
    expect((buyer.provider.awareness.getStates().get(sellerId) as User | undefined)?.user?.name).toBe('Seller');
    expect(one.engine.stats().droppedAwareness + two.engine.stats().droppedAwareness).toBe(2);
  });

  it('drops states over maxAwarenessStateBytes and what onAwarenessState refuses; relays what it cleans', async () => {
    const { engine, server } = await start({ maxAwarenessStateBytes: 256 });
    const observer = client(server, 'sanitize', 'observer');
    await synced(observer);
    const big = await raw(server, 'sanitize?who=big');
    const muted = await raw(server, 'sanitize?who=muted');
    const seller = await raw(server, 'sanitize?who=seller');
    big.ws.send(awarenessFrame([[501, { user: { name: 'x'.repeat(300) } }]]));
    muted.ws.send(awarenessFrame([[502, { user: { name: 'Muted' } }]]));
    seller.ws.send(awarenessFrame([[503, { user: { name: 'Seller', focus: 'private:notes' } }]]));
    await until(() => observer.provider.awareness.getStates().has(503));
    expect(observer.provider.awareness.getStates().get(503)).toEqual({ user: { name: 'Seller' } });
    // The other two frames arrived first on their own sockets; make sure they were handled before asserting.
    await until(() => engine.stats().droppedAwareness === 2);
    expect(engine.awarenessStates('sanitize').has(501)).toBe(false);
    expect(engine.awarenessStates('sanitize').has(502)).toBe(false);
    // A removal passes without the hook: the seller leaves.
    seller.ws.send(awarenessFrame([[503, null]], 11));
    await until(() => !observer.provider.awareness.getStates().has(503));
  });

  it('the same identity may take over its own client id from a socket not yet noticed gone', async () => {
    const { engine, server } = await start();
    const old = await raw(server, 'takeover?who=ada');
    old.ws.send(awarenessFrame([[900, { user: { name: 'Ada (old socket)' } }]]));
    await until(() => engine.awarenessStates('takeover').has(900));
    const other = await raw(server, 'takeover?who=eve');
    other.ws.send(awarenessFrame([[900, { user: { name: 'Eve' } }]], 20));
    const fresh = await raw(server, 'takeover?who=ada');
    fresh.ws.send(awarenessFrame([[900, { user: { name: 'Ada' } }]], 21));
    await until(() => (engine.awarenessStates('takeover').get(900) as User | undefined)?.user?.name === 'Ada');
    expect(engine.stats().droppedAwareness).toBe(1);
    // The old socket closing no longer removes the state its successor renews.
    old.ws.terminate();
    await until(() => engine.connectionCount('takeover') === 2);
    expect(engine.awarenessStates('takeover').has(900)).toBe(true);
  });
});
