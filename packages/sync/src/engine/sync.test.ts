import type { DbHandle } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPostgresPersistence, type Persistence } from '../persistence/index.ts';
import { connectClient, synced, type TestClient, until } from '../testing/clients.ts';
import { contentOf, converged, randomEdit, seededRandom } from '../testing/random-edits.ts';
import { type EngineWsServer, serveEngine, type WsContext } from '../testing/ws-server.ts';
import { RoomEngine } from './room-engine.ts';

describe.each(testDatabaseKinds())('sync through WebsocketProvider (%s)', (kind) => {
  let handle: DbHandle;
  let persistence: Persistence;
  let engine: RoomEngine<WsContext>;
  let server: EngineWsServer;
  let clients: TestClient[];
  const changes: string[] = [];

  const client = (room: string) => {
    const c = connectClient(server.url, room);
    clients.push(c);
    return c;
  };

  async function startEngine() {
    engine = new RoomEngine<WsContext>({ persistence, hooks: { onChange: (room) => changes.push(room) } });
    server = await serveEngine(engine);
  }

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
    changes.length = 0;
    await startEngine();
  });

  afterEach(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    await engine.close();
  });

  it('two clients converge under concurrent random edits to maps, arrays and text', async () => {
    const a = client('converge');
    const b = client('converge');
    await Promise.all([synced(a), synced(b)]);
    const randomA = seededRandom(1);
    const randomB = seededRandom(2);
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 5; i++) {
        randomEdit(a.doc, randomA, 'a');
        randomEdit(b.doc, randomB, 'b');
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await until(() => converged(a.doc, b.doc));
    expect(a.doc.getText('t').length + a.doc.getArray('a').length).toBeGreaterThan(0);

    // What the server stored is the same document.
    await until(() => engine.stats().pendingUpdates === 0);
    const stored = await persistence.load('converge');
    const fromStorage = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(fromStorage, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(fromStorage, update);
    expect(contentOf(fromStorage)).toEqual(contentOf(a.doc));
    expect(changes).toContain('converge');
  });

  it('a late joiner receives the full state', async () => {
    const a = client('late');
    await synced(a);
    let sent = 0;
    a.doc.on('update', () => {
      sent += 1;
    });
    const random = seededRandom(3);
    for (let i = 0; i < 100; i++) randomEdit(a.doc, random, 'a');
    a.doc.getText('t').insert(0, 'hello ');
    await until(() => engine.stats().updatesPersisted >= sent);
    const late = client('late');
    await synced(late);
    await until(() => converged(late.doc, a.doc));
    expect(late.doc.getText('t').toString()).toContain('hello ');
    expect(engine.connectionCount('late')).toBe(2);
  });

  it('state survives a clean restart (close flushes what is pending)', async () => {
    const a = client('restart');
    await synced(a);
    a.doc.getMap('m').set('title', 'Acme renewal');
    a.doc.getText('t').insert(0, 'survives');
    await until(() => engine.stats().updatesIn >= 2);
    a.destroy();
    await server.close();
    await engine.close();
    await startEngine();
    const b = client('restart');
    await synced(b);
    await until(() => b.doc.getText('t').toString() === 'survives');
    expect(b.doc.getMap('m').get('title')).toBe('Acme renewal');
  });

  it('server-side writes through openDoc are stored and relayed like a client update', async () => {
    const a = client('server-write');
    await synced(a);
    const handleDoc = await engine.openDoc('server-write');
    handleDoc.doc.getMap('m').set('stage', 'learn');
    handleDoc.release();
    await until(() => a.doc.getMap('m').get('stage') === 'learn');
    const stored = await persistence.load('server-write');
    const fromStorage = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(fromStorage, update);
    expect(fromStorage.getMap('m').get('stage')).toBe('learn');
  });

  it('batches the updates of one event-loop turn into one INSERT, and stores before it relays', async () => {
    const a = client('batch');
    await synced(a);
    await until(() => engine.stats().pendingUpdates === 0);
    const before = engine.stats();
    const server = await engine.openDoc('batch');
    for (let i = 0; i < 25; i++) server.doc.getArray('a').push([i]);
    server.release();
    await until(() => a.doc.getArray('a').length === 25);
    const after = engine.stats();
    expect(after.updatesPersisted - before.updatesPersisted).toBe(25);
    expect(after.persistBatches - before.persistBatches).toBe(1);
    expect((await persistence.load('batch')).updates).toHaveLength(25);
  });

  it('awareness is relayed and removed when a connection drops', async () => {
    const a = client('presence');
    const b = client('presence');
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    const aId = a.doc.clientID;
    await until(
      () =>
        (b.provider.awareness.getStates().get(aId) as { user?: { name: string } } | undefined)?.user?.name === 'Ada',
    );
    a.provider.disconnect();
    await until(() => !b.provider.awareness.getStates().has(aId));
  });
});
