import type { DbHandle } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../close-codes.ts';
import { createPostgresPersistence, type Persistence } from '../persistence/index.ts';
import { encodeSyncStep2, encodeUpdate, messageSync } from '../protocol.ts';
import { connectClient, synced, type TestClient, until } from '../testing/clients.ts';
import { type HeldPersistence, holdableAppends } from '../testing/held-persistence.ts';
import { openRawSocket, type RawSocket } from '../testing/raw-socket.ts';
import { type EngineWsServer, serveEngine, type WsContext } from '../testing/ws-server.ts';
import { RoomEngine } from './room-engine.ts';
import type { RoomEngineOptions } from './types.ts';

const MiB = 1024 * 1024;

/** A sync step 1 frame with an empty state vector: "send me the whole document". */
function emptySyncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(encoder);
}

/** An update inserting `bytes` characters after a character the server never received: its dependency is missing. */
function orphanUpdate(bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'a');
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(1, 'x'.repeat(bytes));
  return Y.encodeStateAsUpdate(doc, before);
}

/** An update from a fresh client inserting `text`. */
function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

async function storedText(persistence: Persistence, room: string): Promise<string> {
  const stored = await persistence.load(room);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe.each(testDatabaseKinds())('bounded cost per client (%s)', (kind) => {
  let handle: DbHandle;
  let storage: HeldPersistence;
  let engine: RoomEngine<WsContext>;
  let server: EngineWsServer;
  let clients: TestClient[];
  let raws: RawSocket[];

  async function start(options: Partial<RoomEngineOptions<WsContext>> = {}) {
    engine = new RoomEngine<WsContext>({ persistence: storage.persistence, ...options });
    server = await serveEngine(engine);
  }
  const client = (room: string) => {
    const c = connectClient(server.url, room);
    clients.push(c);
    return c;
  };
  const raw = async (room: string) => {
    const socket = await openRawSocket(server.url, room);
    raws.push(socket);
    return socket;
  };

  // One database per file and kind (creating one takes seconds); every test uses its own rooms.
  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  beforeEach(() => {
    storage = holdableAppends(createPostgresPersistence(handle.db));
    clients = [];
    raws = [];
  });

  afterEach(async () => {
    storage.release();
    for (const c of clients) c.destroy();
    for (const r of raws) r.ws.terminate();
    await server.close();
    await engine.close();
  });

  it('a reader that asks for a 2 MB document 300 times and never reads is closed with 1013 within the output bound', async () => {
    await start();
    const seed = await engine.openDoc('slow-reader');
    seed.doc.getText('t').insert(0, 'x'.repeat(2 * MiB));
    await seed.whenStored();
    const replyBytes = encodeSyncStep2(seed.doc).byteLength;
    seed.release();

    const reader = await raw('slow-reader');
    reader.ws.pause();
    const request = emptySyncStep1();
    for (let i = 0; i < 300; i++) reader.ws.send(request);
    await until(() => engine.stats().closedSlowClients === 1);
    console.log(
      `slow reader: peak buffered ${(server.peakBufferedBytes / MiB).toFixed(1)} MiB (bound ${((8 * MiB + replyBytes) / MiB).toFixed(1)} MiB)`,
    );
    expect(server.closeCodes).toEqual([CloseCode.tryAgainLater]);
    // The mechanism's bound: `maxBufferedBytes` plus one full-state reply in flight.
    expect(server.peakBufferedBytes).toBeLessThanOrEqual(8 * MiB + replyBytes);
    reader.ws.resume();
    expect((await reader.closed).code).toBe(CloseCode.tryAgainLater);
  });

  it('a connection whose outbox outgrows the bound during a storage stall is closed with 1013; the writer is not', async () => {
    await start({ maxBufferedBytes: 64 * 1024 });
    const writer = await raw('stalled-outbox');
    const reader = client('stalled-outbox');
    await synced(reader);
    storage.hold();
    for (let i = 0; i < 10; i++) writer.ws.send(encodeUpdate(textUpdate(`${i}`.repeat(16 * 1024))));
    await until(() => reader.closeCodes.includes(CloseCode.tryAgainLater));
    expect(engine.stats().closedSlowClients).toBeGreaterThanOrEqual(1);
    expect(engine.stats().updatesIn).toBe(10);
    storage.release();
    // It resyncs on reconnect and gets everything, once stored.
    await until(() => reader.doc.getText('t').length === 10 * 16 * 1024);
    expect(server.closeCodes.filter((code) => code !== CloseCode.tryAgainLater)).toEqual([]);
  });

  it('updates whose dependencies are missing are dropped past maxPendingBytes: never stored, never sent to a joiner', async () => {
    await start();
    const writer = client('pending');
    await synced(writer);
    writer.doc.getText('t').insert(0, 'real text');
    const attacker = await raw('pending');
    for (let i = 0; i < 100; i++) attacker.ws.send(encodeUpdate(orphanUpdate(512 * 1024)));
    expect((await attacker.closed).code).toBe(CloseCode.invalidData);
    expect(engine.stats().refusedPending).toBe(1);

    const doc = await engine.openDoc('pending');
    expect(doc.doc.store.pendingStructs).toBeNull();
    doc.release();
    const joiner = client('pending');
    await until(() => joiner.doc.getText('t').toString() === 'real text');
    expect(joiner.doc.store.pendingStructs).toBeNull();
    expect(writer.closeCodes).toEqual([]);
    expect(await storedText(storage.persistence, 'pending')).toBe('real text');
  });

  it('an update that would pass maxDocumentBytes is refused with 4413: not applied, stored or relayed', async () => {
    await start({ maxDocumentBytes: 64 * 1024 });
    const reader = client('oversize');
    await synced(reader);
    const first = await raw('oversize');
    first.ws.send(encodeUpdate(textUpdate('a'.repeat(40 * 1024))));
    await until(() => reader.doc.getText('t').length === 40 * 1024);
    const second = await raw('oversize');
    second.ws.send(encodeUpdate(textUpdate('b'.repeat(40 * 1024))));
    expect((await second.closed).code).toBe(CloseCode.documentTooLarge);
    expect(engine.stats().refusedOversize).toBe(1);
    // A small edit still fits, and arrives after the refused one would have.
    first.ws.send(encodeUpdate(textUpdate('c')));
    await until(() => reader.doc.getText('t').length === 40 * 1024 + 1);
    expect(reader.doc.getText('t').toString()).not.toContain('b');
    expect(await storedText(storage.persistence, 'oversize')).not.toContain('b');
  });

  it('while the append queue is over maxQueuedBytes, a client update is refused with 1013 and memory stays bounded', async () => {
    await start({ maxQueuedBytes: 64 * 1024 });
    const reader = client('queue-cap');
    await synced(reader);
    storage.hold();
    const writer = await raw('queue-cap');
    writer.ws.send(encodeUpdate(textUpdate('a'.repeat(40 * 1024))));
    await until(() => engine.stats().updatesIn === 1);
    const second = await raw('queue-cap');
    second.ws.send(encodeUpdate(textUpdate('b'.repeat(40 * 1024))));
    expect((await second.closed).code).toBe(CloseCode.tryAgainLater);
    expect(engine.stats().refusedBusy).toBe(1);
    expect(engine.stats().queuedBytes).toBeLessThanOrEqual(64 * 1024);
    storage.release();
    await until(() => reader.doc.getText('t').length === 40 * 1024);
    await until(() => engine.stats().pendingUpdates === 0);
    expect(await storedText(storage.persistence, 'queue-cap')).toBe('a'.repeat(40 * 1024));
  });

  it('whenStored resolves only once the held edit is stored, so a server-side reader never sees it earlier', async () => {
    await start();
    const writer = client('when-stored');
    await synced(writer);
    const reader = await engine.openDoc('when-stored');
    await reader.whenStored();
    expect(reader.doc.getText('t').toString()).toBe('');
    storage.hold();
    writer.doc.getText('t').insert(0, 'held');
    await until(() => storage.appendCalls > 0 && engine.stats().pendingUpdates === 1);
    let seen: string | null = null;
    const read = reader.whenStored().then(() => {
      seen = reader.doc.getText('t').toString();
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toBeNull();
    storage.release();
    await read;
    expect(seen).toBe('held');
    expect(await storedText(storage.persistence, 'when-stored')).toBe('held');
    reader.release();
  });

  it('whenStored rejects after storedTimeoutMs while storage stalls', async () => {
    await start({ storedTimeoutMs: 30 });
    const writer = client('stored-timeout');
    await synced(writer);
    const reader = await engine.openDoc('stored-timeout');
    storage.hold();
    writer.doc.getText('t').insert(0, 'never stored in time');
    await until(() => storage.appendCalls > 0);
    await expect(reader.whenStored()).rejects.toThrow(/did not catch up/);
    reader.release();
  });

  it('leaves no timer behind: a whenStored settled by storage, a slow client closed', async () => {
    const active = () =>
      process.getActiveResourcesInfo().filter((name) => name === 'Timeout' || name === 'Immediate').length;
    const baseline = active();
    // A timeout far beyond the test's: a timer left running would keep `active()` above the baseline.
    await start({ storedTimeoutMs: 600_000, maxBufferedBytes: 64 * 1024 });
    const writer = client('timers');
    await synced(writer);
    const reader = await engine.openDoc('timers');
    storage.hold();
    // Big enough that 50 copies overflow the kernel's socket buffers.
    writer.doc.getText('t').insert(0, 'x'.repeat(512 * 1024));
    await until(() => storage.appendCalls > 0);
    const stored = reader.whenStored();
    const slow = await raw('timers');
    slow.ws.pause();
    for (let i = 0; i < 50; i++) slow.ws.send(emptySyncStep1());
    storage.release();
    await stored;
    await until(() => engine.stats().closedSlowClients >= 1);
    reader.release();
    for (const c of clients) c.destroy();
    clients = [];
    for (const r of raws) r.ws.terminate();
    raws = [];
    await server.close();
    await engine.close();
    await until(() => active() <= baseline, { intervalMs: 20 });
    expect(active()).toBeLessThanOrEqual(baseline);
  });
});
