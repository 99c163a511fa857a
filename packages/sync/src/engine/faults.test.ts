import type { DbHandle } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { sql } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../close-codes.ts';
import { createPostgresPersistence, type Persistence } from '../persistence/index.ts';
import { encodeUpdate, messageSync } from '../protocol.ts';
import { RefuseConnection } from '../refuse-connection.ts';
import { connectClient, synced, type TestClient, until } from '../testing/clients.ts';
import { openRawSocket } from '../testing/raw-socket.ts';
import { type EngineWsServer, serveEngine, type WsContext } from '../testing/ws-server.ts';
import { RoomEngine } from './room-engine.ts';

async function storedDoc(persistence: Persistence, room: string): Promise<Y.Doc> {
  const stored = await persistence.load(room);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

describe.each(testDatabaseKinds())('bad input, permissions and database faults (%s)', (kind) => {
  let handle: DbHandle;
  let persistence: Persistence;
  let engine: RoomEngine<WsContext>;
  let server: EngineWsServer;
  let clients: TestClient[];
  const errors: string[] = [];
  let openGate: () => void = () => undefined;

  const client = (room: string, params: Record<string, string> = {}) => {
    const c = connectClient(server.url, room, { params });
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
    errors.length = 0;
    engine = new RoomEngine<WsContext>({
      persistence,
      maxMessageBytes: 64 * 1024,
      hooks: {
        onConnect: ({ context }) => {
          const mode = context.url.searchParams.get('mode');
          if (mode === 'deny') throw new RefuseConnection(CloseCode.forbidden, 'not a member of this deal');
          if (mode === 'slow') return new Promise((resolve) => (openGate = () => resolve(undefined)));
          return { readOnly: mode === 'read' };
        },
        onError: (_error, info) => errors.push(info.during),
      },
    });
    server = await serveEngine(engine);
  });

  afterEach(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    await engine.close();
  });

  it('closes an undecodable frame with 1007 while the room keeps syncing, storing nothing of it', async () => {
    const a = client('bad-frames');
    const b = client('bad-frames');
    await Promise.all([synced(a), synced(b)]);

    const garbageUpdate = encoding.createEncoder();
    encoding.writeVarUint(garbageUpdate, messageSync);
    encoding.writeVarUint(garbageUpdate, 2);
    encoding.writeVarUint8Array(garbageUpdate, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]));
    const frames = [new Uint8Array([]), new Uint8Array([42, 1, 2]), encoding.toUint8Array(garbageUpdate)];
    for (const frame of frames) {
      const raw = await openRawSocket(server.url, 'bad-frames');
      raw.ws.send(frame);
      expect((await raw.closed).code).toBe(CloseCode.invalidData);
    }

    a.doc.getText('t').insert(0, 'still syncing');
    await until(() => b.doc.getText('t').toString() === 'still syncing');
    expect(a.closeCodes).toEqual([]);
    expect(b.closeCodes).toEqual([]);
    const stored = await persistence.load('bad-frames');
    expect(stored.updates.length).toBe(1);
  });

  it('closes an oversized frame with 1009 and neither stores nor relays it', async () => {
    const a = client('big');
    const b = client('big');
    await Promise.all([synced(a), synced(b)]);

    const sender = new Y.Doc();
    sender.getText('t').insert(0, 'x'.repeat(100 * 1024));
    const raw = await openRawSocket(server.url, 'big');
    raw.ws.send(encodeUpdate(Y.encodeStateAsUpdate(sender)));
    expect((await raw.closed).code).toBe(CloseCode.tooBig);

    a.doc.getText('t').insert(0, 'small');
    await until(() => b.doc.getText('t').toString() === 'small');
    expect((await storedDoc(persistence, 'big')).getText('t').toString()).toBe('small');
    expect(a.closeCodes).toEqual([]);
  });

  it('a read-only connection changes nothing, stored or live, but its awareness is seen and it reads live', async () => {
    const writer = client('read-only');
    await synced(writer);
    writer.doc.getText('t').insert(0, 'from writer');
    const reader = client('read-only', { mode: 'read' });
    await until(() => reader.doc.getText('t').toString() === 'from writer');

    reader.doc.getMap('m').set('hijack', true);
    reader.doc.getText('t').insert(0, 'READER ');
    // Awareness from the same socket arrives after the update frames: once the writer sees it, the updates
    // were handled (and dropped).
    reader.provider.awareness.setLocalStateField('user', { name: 'Manager' });
    const readerId = reader.doc.clientID;
    await until(() => writer.provider.awareness.getStates().get(readerId)?.user?.name === 'Manager');
    writer.doc.getMap('m').set('after', 1);
    await until(() => reader.doc.getMap('m').get('after') === 1);

    expect(writer.doc.getMap('m').has('hijack')).toBe(false);
    expect(writer.doc.getText('t').toString()).toBe('from writer');
    const stored = await storedDoc(persistence, 'read-only');
    expect(stored.getMap('m').has('hijack')).toBe(false);
    expect(stored.getText('t').toString()).toBe('from writer');
    // A later joiner sees no trace of the reader's edits either.
    const late = client('read-only');
    await until(() => late.doc.getMap('m').get('after') === 1);
    expect(late.doc.getMap('m').has('hijack')).toBe(false);
    expect(engine.stats().updatesIn).toBe(2);
  });

  it('queues frames until the connect hook resolved and the room loaded; sends nothing before', async () => {
    const writer = client('queued');
    await synced(writer);
    writer.doc.getText('t').insert(0, 'existing ');
    await until(() => engine.stats().updatesIn >= 1);
    // Counts frames after the adapter (registered first) has handed them to the engine.
    let arrived = 0;
    server.wss.on('connection', (ws) => ws.on('message', () => arrived++));
    const raw = await openRawSocket(server.url, 'queued?mode=slow');
    const early = new Y.Doc();
    early.getText('t').insert(0, 'sent early');
    raw.ws.send(encodeUpdate(Y.encodeStateAsUpdate(early)));
    await until(() => arrived === 1);
    expect(raw.received).toEqual([]);
    openGate();
    await until(() => writer.doc.getText('t').toString().includes('sent early'));
    expect(raw.received.length).toBeGreaterThan(0);
    expect((await storedDoc(persistence, 'queued')).getText('t').toString()).toContain('sent early');
  });

  it('a refused connection gets its close code and no document byte', async () => {
    const writer = client('refused');
    await synced(writer);
    writer.doc.getText('t').insert(0, 'secret');
    const outsider = client('refused', { mode: 'deny' });
    await until(() => outsider.closeCodes.includes(CloseCode.forbidden));
    expect(outsider.doc.getText('t').toString()).toBe('');
    expect(outsider.provider.shouldConnect).toBe(false);
  });

  it('database down at load: 1013, nothing served, nothing stored; the client gets the document once it is back', async () => {
    await persistence.append([{ room: 'db-down', update: updateWithText('stored before') }]);
    await handle.db.execute(sql.raw('alter table doc_snapshots rename to doc_snapshots_away'));
    const c = client('db-down');
    await until(() => c.closeCodes.includes(CloseCode.tryAgainLater));
    expect(c.doc.getText('t').toString()).toBe('');
    expect(engine.stats().rooms).toBe(0);
    expect(errors).toContain('loading the room');
    await handle.db.execute(sql.raw('alter table doc_snapshots_away rename to doc_snapshots'));
    await until(() => c.doc.getText('t').toString() === 'stored before');
    expect((await persistence.load('db-down')).updates.length).toBe(1);
  });

  it('append failure: the sender is closed with 1013, nothing unstored is relayed, and the retry stores it', async () => {
    const a = client('append-fails');
    const b = client('append-fails');
    await Promise.all([synced(a), synced(b)]);
    await handle.db.execute(sql.raw('alter table doc_updates rename to doc_updates_away'));
    a.doc.getText('t').insert(0, 'kept in memory');
    await until(() => a.closeCodes.includes(CloseCode.tryAgainLater));
    expect(b.doc.getText('t').toString()).toBe('');
    expect(engine.stats().persistFailures).toBeGreaterThan(0);

    await handle.db.execute(sql.raw('alter table doc_updates_away rename to doc_updates'));
    await until(() => b.doc.getText('t').toString() === 'kept in memory');
    expect((await storedDoc(persistence, 'append-fails')).getText('t').toString()).toBe('kept in memory');
  });
});

function updateWithText(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}
