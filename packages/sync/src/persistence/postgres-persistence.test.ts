import { createDb, type DbHandle, docSnapshots, docUpdates } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPostgresPersistence } from './postgres-persistence.ts';

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | null = null;
  const capture = (update: Uint8Array) => {
    captured = update;
  };
  doc.on('update', capture);
  doc.getText('t').insert(doc.getText('t').length, text);
  doc.off('update', capture);
  return captured!;
}

function materialise(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

describe.each(testDatabaseKinds())('createPostgresPersistence (%s)', (kind) => {
  let handle: DbHandle;

  // One database per file and kind (creating one takes seconds); every test uses its own rooms.
  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('loads an unknown room as an empty document', async () => {
    const persistence = createPostgresPersistence(handle.db);
    expect(await persistence.load('nothing-here')).toEqual({
      snapshot: null,
      updates: [],
      updateIds: [],
      snapshotUpdateId: null,
    });
  });

  it('appends a batch for several rooms and loads each room in order', async () => {
    const persistence = createPostgresPersistence(handle.db);
    const a = new Y.Doc();
    const b = new Y.Doc();
    await persistence.append([
      { room: 'a', update: textUpdate(a, 'one ') },
      { room: 'b', update: textUpdate(b, 'other') },
      { room: 'a', update: textUpdate(a, 'two') },
    ]);
    const loaded = await persistence.load('a');
    expect(loaded.updates).toHaveLength(2);
    expect(materialise(loaded).getText('t').toString()).toBe('one two');
    expect(
      materialise(await persistence.load('b'))
        .getText('t')
        .toString(),
    ).toBe('other');
  });

  it('append reports the new row ids in entry order, and load returns them with the updates', async () => {
    const persistence = createPostgresPersistence(handle.db);
    const doc = new Y.Doc();
    const ids = await persistence.append([
      { room: 'ids', update: textUpdate(doc, 'a') },
      { room: 'ids-other', update: textUpdate(new Y.Doc(), 'x') },
      { room: 'ids', update: textUpdate(doc, 'b') },
    ]);
    expect(ids).toHaveLength(3);
    expect([...ids!].sort((x, y) => x - y)).toEqual(ids);
    const loaded = await persistence.load('ids');
    expect(loaded.updateIds).toEqual([ids![0], ids![2]]);
  });

  it('readMissing returns the rows a room does not know, and the snapshot once a compaction replaced it', async () => {
    const persistence = createPostgresPersistence(handle.db);
    const writer = new Y.Doc();
    const [first, second] = (await persistence.append([
      { room: 'heal', update: textUpdate(writer, 'one ') },
      { room: 'heal', update: textUpdate(writer, 'two ') },
    ]))!;
    const nothingNew = await persistence.readMissing!('heal', {
      knownIds: new Set([first!, second!]),
      snapshotUpdateId: null,
    });
    expect(nothingNew).toEqual({ updates: [], presentIds: [first, second], snapshotUpdateId: null, snapshot: null });

    const [third] = (await persistence.append([{ room: 'heal', update: textUpdate(writer, 'three') }]))!;
    const oneNew = await persistence.readMissing!('heal', {
      knownIds: new Set([first!, second!]),
      snapshotUpdateId: null,
    });
    expect(oneNew.updates.map((row) => row.id)).toEqual([third]);

    // A reader that knew only the first row: after compaction its rows are gone, but the snapshot carries them.
    await persistence.compact('heal');
    const afterCompaction = await persistence.readMissing!('heal', {
      knownIds: new Set([first!]),
      snapshotUpdateId: null,
    });
    expect(afterCompaction.updates).toEqual([]);
    expect(afterCompaction.presentIds).toEqual([]);
    expect(afterCompaction.snapshotUpdateId).toBe(third);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, afterCompaction.snapshot!);
    expect(reader.getText('t').toString()).toBe('one two three');
    // Once it has that snapshot, the snapshot is not sent again.
    const settled = await persistence.readMissing!('heal', { knownIds: new Set(), snapshotUpdateId: third! });
    expect(settled.snapshot).toBeNull();
  });

  it('compaction merges into one snapshot, deletes the merged rows, and keeps the state', async () => {
    const persistence = createPostgresPersistence(handle.db, { compactBatchSize: 7 });
    const doc = new Y.Doc();
    for (let i = 0; i < 30; i++) await persistence.append([{ room: 'r', update: textUpdate(doc, `${i},`) }]);
    const result = await persistence.compact('r');
    expect(result.merged).toBe(30);
    const rows = await handle.db.select({ n: count() }).from(docUpdates).where(eq(docUpdates.room, 'r'));
    expect(rows[0]!.n).toBe(0);
    const [snapshot] = await handle.db.select().from(docSnapshots).where(eq(docSnapshots.room, 'r'));
    expect(snapshot!.lastUpdateId).toBeGreaterThan(0);
    // The engine's document size count restarts from this.
    expect(result.snapshotBytes).toBe(snapshot!.state.byteLength);
    const loaded = await persistence.load('r');
    expect(loaded.updates).toEqual([]);
    expect(Y.encodeStateAsUpdate(materialise(loaded))).toEqual(Y.encodeStateAsUpdate(doc));
    // A second compaction with nothing new is a no-op; later updates load on top of the snapshot.
    expect(await persistence.compact('r')).toEqual({ merged: 0 });
    await persistence.append([{ room: 'r', update: textUpdate(doc, 'after') }]);
    expect(
      materialise(await persistence.load('r'))
        .getText('t')
        .toString(),
    ).toBe(doc.getText('t').toString());
  });

  it('appends that run concurrently with compactions (from other connections) are never lost', async () => {
    const url = (handle as { url?: string }).url;
    const others = kind === 'postgres' ? await Promise.all([createDb({ url }), createDb({ url })]) : [];
    try {
      const compactor = createPostgresPersistence(handle.db);
      const writers = (others.length ? others : [handle]).map((h) => createPostgresPersistence(h.db));
      const docs = writers.map(() => new Y.Doc());
      const expected = new Y.Doc();
      const appends: Promise<unknown>[] = [];
      const compactions: Promise<unknown>[] = [];
      for (let i = 0; i < 60; i++) {
        writers.forEach((writer, w) => {
          const update = textUpdate(docs[w]!, `${w}:${i} `);
          Y.applyUpdate(expected, update);
          appends.push(writer.append([{ room: 'busy', update }]));
        });
        if (i % 5 === 0) compactions.push(compactor.compact('busy'));
      }
      await Promise.all([...appends, ...compactions]);
      const loaded = materialise(await compactor.load('busy'));
      expect(Y.encodeStateAsUpdate(loaded)).toEqual(Y.encodeStateAsUpdate(expected));
      await compactor.compact('busy');
      expect(Y.encodeStateAsUpdate(materialise(await compactor.load('busy')))).toEqual(Y.encodeStateAsUpdate(expected));
    } finally {
      for (const other of others) await other.close();
    }
  });
});
