import { createDb, type DbHandle, docSnapshots, docUpdates } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InProcessFanOut } from '../fan-out/index.ts';
import { createPostgresPersistence, type Persistence } from '../persistence/index.ts';
import { connectClient, synced, type TestClient, until } from '../testing/clients.ts';
import { canonical, contentOf, converged, randomEdit, seededRandom } from '../testing/random-edits.ts';
import { type EngineWsServer, serveEngine, type WsContext } from '../testing/ws-server.ts';
import { RoomEngine } from './room-engine.ts';

async function loadDoc(persistence: Persistence, room: string): Promise<Y.Doc> {
  const stored = await persistence.load(room);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

describe.each(testDatabaseKinds())('room lifecycle (%s)', (kind) => {
  let handle: DbHandle;
  let persistence: Persistence;
  let clients: TestClient[];
  let servers: EngineWsServer[];
  let engines: RoomEngine<WsContext>[];

  const rowCount = async (room: string) =>
    (await handle.db.select({ n: count() }).from(docUpdates).where(eq(docUpdates.room, room)))[0]!.n;

  async function start(options: Partial<ConstructorParameters<typeof RoomEngine<WsContext>>[0]> = {}) {
    const engine = new RoomEngine<WsContext>({ persistence, ...options });
    const server = await serveEngine(engine);
    engines.push(engine);
    servers.push(server);
    return { engine, server };
  }

  const client = (server: EngineWsServer, room: string) => {
    const c = connectClient(server.url, room);
    clients.push(c);
    return c;
  };

  // One database per file and kind (creating one takes seconds); every test uses its own rooms.
  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  beforeEach(async () => {
    persistence = createPostgresPersistence(handle.db);
    clients = [];
    servers = [];
    engines = [];
  });

  afterEach(async () => {
    for (const c of clients) c.destroy();
    for (const s of servers) await s.close();
    for (const e of engines) await e.close();
  });

  it('compaction keeps the document equivalent: same encodeStateAsUpdate after load', async () => {
    const { engine, server } = await start({ compactAfterUpdates: 20 });
    const a = client(server, 'compact');
    await synced(a);
    let sent = 0;
    a.doc.on('update', () => {
      sent += 1;
    });
    const random = seededRandom(7);
    for (let i = 0; i < 150; i++) {
      randomEdit(a.doc, random, 'a');
      if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await until(() => engine.stats().updatesPersisted >= sent && engine.stats().compactions > 0);
    const before = await loadDoc(persistence, 'compact');
    await engine.close();
    // Closing unloads, and unloading compacts what is left: one snapshot, no update rows.
    expect(await rowCount('compact')).toBe(0);
    expect(await handle.db.select().from(docSnapshots).where(eq(docSnapshots.room, 'compact'))).toHaveLength(1);
    const after = await loadDoc(persistence, 'compact');
    expect(Y.encodeStateAsUpdate(after)).toEqual(Y.encodeStateAsUpdate(a.doc));
    expect(Y.encodeStateAsUpdate(after)).toEqual(Y.encodeStateAsUpdate(before));
    expect(canonical(contentOf(after))).toBe(canonical(contentOf(a.doc)));
  });

  it('an idle room is unloaded after its writes are stored, then loads again with everything', async () => {
    const { engine, server } = await start({ idleUnloadMs: 20 });
    const a = client(server, 'idle');
    await synced(a);
    a.doc.getText('t').insert(0, 'before unload');
    await until(() => engine.stats().updatesIn >= 1);
    a.destroy();
    await until(() => engine.stats().rooms === 0);
    expect(await rowCount('idle')).toBe(0);
    expect(engine.stats().pendingUpdates).toBe(0);
    const b = client(server, 'idle');
    await until(() => b.doc.getText('t').toString() === 'before unload');
  });

  it('a room that unloads and reloads over and over (reconnects racing the unload) loses nothing', async () => {
    const { engine, server } = await start({ idleUnloadMs: 1 });
    const expected: string[] = [];
    for (let round = 0; round < 8; round++) {
      const c = client(server, 'churn');
      await synced(c);
      await until(() => c.doc.getArray('a').length === expected.length);
      expect(c.doc.getArray('a').toArray()).toEqual(expected);
      c.doc.getArray('a').push([`round ${round}`]);
      expected.push(`round ${round}`);
      await until(() => engine.stats().updatesIn === round + 1);
      c.destroy();
    }
    const last = client(server, 'churn');
    await until(() => last.doc.getArray('a').length === expected.length);
    expect(last.doc.getArray('a').toArray()).toEqual(expected);
  });

  it('several engines on one database: fanned-out updates are relayed but stored once', async () => {
    const fanOut = new InProcessFanOut();
    const second: DbHandle = kind === 'postgres' ? await createDb({ url: (handle as { url?: string }).url }) : handle;
    try {
      const one = await start({ fanOut });
      const two = await start({ fanOut, persistence: createPostgresPersistence(second.db) });
      const a = client(one.server, 'shared');
      const b = client(two.server, 'shared');
      await Promise.all([synced(a), synced(b)]);
      const randomA = seededRandom(11);
      const randomB = seededRandom(12);
      for (let i = 0; i < 30; i++) {
        randomEdit(a.doc, randomA, 'a');
        randomEdit(b.doc, randomB, 'b');
      }
      a.provider.awareness.setLocalStateField('user', { name: 'Seller' });
      await until(() => converged(a.doc, b.doc));
      await until(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Seller');
      await until(() => one.engine.stats().pendingUpdates === 0 && two.engine.stats().pendingUpdates === 0);
      const stored = one.engine.stats().updatesPersisted + two.engine.stats().updatesPersisted;
      expect(stored).toBe(one.engine.stats().updatesIn + two.engine.stats().updatesIn);
      expect(await rowCount('shared')).toBe(stored);
      expect(canonical(contentOf(await loadDoc(persistence, 'shared')))).toBe(canonical(contentOf(a.doc)));
    } finally {
      for (const c of clients) c.destroy();
      for (const s of servers) await s.close();
      for (const e of engines) await e.close();
      engines = [];
      servers = [];
      if (second !== handle) await second.close();
    }
  });

  it('leaves no timer or immediate running after close', async () => {
    const active = () =>
      process.getActiveResourcesInfo().filter((name) => name === 'Timeout' || name === 'Immediate').length;
    const baseline = active();
    const { engine, server } = await start({ idleUnloadMs: 60_000, compactAfterUpdates: 5 });
    const a = client(server, 'timers-1');
    const b = client(server, 'timers-2');
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'A' });
    for (let i = 0; i < 20; i++) a.doc.getText('t').insert(0, `${i}`);
    b.doc.getMap('m').set('x', 1);
    await until(() => engine.stats().updatesIn >= 21);
    b.destroy(); // leaves an idle-unload timer behind
    a.destroy();
    await server.close();
    servers = [];
    await engine.close();
    engines = [];
    // The providers' own reconnect timers fire and go; the engine must leave nothing behind.
    await until(() => active() <= baseline, { intervalMs: 20 });
    expect(active()).toBeLessThanOrEqual(baseline);
  });
});
