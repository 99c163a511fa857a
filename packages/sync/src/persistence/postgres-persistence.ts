import { type Database, docSnapshots, docUpdates } from '@quorum/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { AppendEntry, MissingUpdates, Persistence, StoredDocument } from './persistence.ts';

/** First key of the advisory lock that serialises compactions of one room (second key: hash of the room). */
const COMPACTION_LOCK = 7_236_002;

export interface PostgresPersistenceOptions {
  /** At most this many updates are merged per compaction transaction (a loop handles the rest). */
  compactBatchSize?: number;
}

/**
 * Room storage on `doc_updates` (append-only log) and `doc_snapshots` (one merged state per room), through
 * @quorum/db's drizzle database (PGlite or postgres.js).
 *
 * Compaction deletes exactly the update rows it merged, under a per-room advisory lock, so appends that
 * commit while it runs (from this process or another) are never lost; loading reads the remaining update
 * rows first and the snapshot second, so a compaction between the two reads only makes an update appear twice,
 * which Yjs ignores.
 */
export function createPostgresPersistence(
  db: Database,
  { compactBatchSize = 20_000 }: PostgresPersistenceOptions = {},
): Persistence {
  async function load(room: string): Promise<StoredDocument> {
    const rows = await db
      .select({ id: docUpdates.id, update: docUpdates.update })
      .from(docUpdates)
      .where(eq(docUpdates.room, room))
      .orderBy(asc(docUpdates.id));
    const [snapshot] = await db
      .select({ state: docSnapshots.state, lastUpdateId: docSnapshots.lastUpdateId })
      .from(docSnapshots)
      .where(eq(docSnapshots.room, room));
    return {
      snapshot: snapshot?.state ?? null,
      updates: rows.map((row) => row.update),
      updateIds: rows.map((row) => row.id),
      snapshotUpdateId: snapshot?.lastUpdateId ?? null,
    };
  }

  async function append(entries: readonly AppendEntry[]): Promise<readonly number[]> {
    if (entries.length === 0) return [];
    // Two array parameters whatever the batch size: one statement text, planned once per connection, instead of
    // two parameters per row; the bytes travel as hex (a bytea[] parameter is not portable across the drivers).
    const rooms = entries.map((entry) => entry.room);
    const updates = entries.map(({ update }) =>
      Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('hex'),
    );
    const result = await db.execute<{ id: number | string }>(
      sql`insert into ${docUpdates} (${sql.identifier(docUpdates.room.name)}, ${sql.identifier(docUpdates.update.name)})
        select room, decode(bytes, 'hex')
        from unnest(${sql.param(rooms)}::text[], ${sql.param(updates)}::text[]) with ordinality as batch(room, bytes, n)
        order by n
        returning ${sql.identifier(docUpdates.id.name)}`,
    );
    const rows = Array.isArray(result) ? result : (result as unknown as { rows: Array<{ id: number | string }> }).rows;
    // The rows take their ids from the sequence in the batch's order; RETURNING's order is not promised, so sort.
    return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
  }

  async function readMissing(
    room: string,
    { knownIds, snapshotUpdateId }: { knownIds: ReadonlySet<number>; snapshotUpdateId: number | null },
  ): Promise<MissingUpdates> {
    const present = await db
      .select({ id: docUpdates.id })
      .from(docUpdates)
      .where(eq(docUpdates.room, room))
      .orderBy(asc(docUpdates.id));
    const presentIds = present.map((row) => row.id);
    const unknown = presentIds.filter((id) => !knownIds.has(id));
    const updates =
      unknown.length === 0
        ? []
        : await db
            .select({ id: docUpdates.id, update: docUpdates.update })
            .from(docUpdates)
            .where(and(eq(docUpdates.room, room), inArray(docUpdates.id, unknown)))
            .orderBy(asc(docUpdates.id));
    const [mark] = await db
      .select({ lastUpdateId: docSnapshots.lastUpdateId })
      .from(docSnapshots)
      .where(eq(docSnapshots.room, room));
    if (!mark || mark.lastUpdateId === snapshotUpdateId) {
      return { updates, presentIds, snapshotUpdateId: mark?.lastUpdateId ?? null, snapshot: null };
    }
    // Read the state with its own mark: a compaction in between only makes the snapshot newer.
    const [row] = await db
      .select({ state: docSnapshots.state, lastUpdateId: docSnapshots.lastUpdateId })
      .from(docSnapshots)
      .where(eq(docSnapshots.room, room));
    return { updates, presentIds, snapshotUpdateId: row?.lastUpdateId ?? null, snapshot: row?.state ?? null };
  }

  async function compactOnce(room: string): Promise<{ merged: number; more: boolean; snapshotBytes?: number }> {
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${COMPACTION_LOCK}, hashtext(${room}))`);
      const rows = await tx
        .select({ id: docUpdates.id, update: docUpdates.update })
        .from(docUpdates)
        .where(eq(docUpdates.room, room))
        .orderBy(asc(docUpdates.id))
        .limit(compactBatchSize);
      if (rows.length === 0) return { merged: 0, more: false };
      const [existing] = await tx
        .select({ state: docSnapshots.state, lastUpdateId: docSnapshots.lastUpdateId })
        .from(docSnapshots)
        .where(eq(docSnapshots.room, room));
      const doc = new Y.Doc();
      try {
        Y.transact(doc, () => {
          if (existing) Y.applyUpdate(doc, existing.state);
          for (const row of rows) Y.applyUpdate(doc, row.update);
        });
        const state = Y.encodeStateAsUpdate(doc);
        const lastUpdateId = Math.max(rows[rows.length - 1]!.id, existing?.lastUpdateId ?? 0);
        await tx
          .insert(docSnapshots)
          .values({ room, state, lastUpdateId })
          .onConflictDoUpdate({ target: docSnapshots.room, set: { state, lastUpdateId, updatedAt: sql`now()` } });
        await tx.delete(docUpdates).where(
          and(
            eq(docUpdates.room, room),
            inArray(
              docUpdates.id,
              rows.map((row) => row.id),
            ),
          ),
        );
        return { merged: rows.length, more: rows.length === compactBatchSize, snapshotBytes: state.byteLength };
      } finally {
        doc.destroy();
      }
    });
  }

  async function compact(room: string): Promise<{ merged: number; snapshotBytes?: number }> {
    let merged = 0;
    let snapshotBytes: number | undefined;
    for (;;) {
      const result = await compactOnce(room);
      merged += result.merged;
      snapshotBytes = result.snapshotBytes ?? snapshotBytes;
      if (!result.more) return { merged, snapshotBytes };
    }
  }

  return { load, append, compact, readMissing };
}
