/** What a room's storage holds: an optional merged snapshot and the updates stored after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  /** Stored updates not yet merged into the snapshot, oldest first. */
  updates: Uint8Array[];
  /** The row ids of `updates`, in the same order, when the store has ids (lets a room know what it has applied). */
  updateIds?: number[];
  /** The snapshot's `last_update_id` (null without a snapshot), when the store keeps one. */
  snapshotUpdateId?: number | null;
}

/** One update to append to a room's log. */
export interface AppendEntry {
  room: string;
  update: Uint8Array;
}

/** One stored update row. */
export interface StoredUpdate {
  id: number;
  update: Uint8Array;
}

/** What {@link Persistence.readMissing} found: what a loaded room lacks, as far as storage can tell. */
export interface MissingUpdates {
  /** Stored rows whose ids the caller did not know, oldest first. */
  updates: StoredUpdate[];
  /** Every update row id stored for the room when it was read (lets the caller forget compacted ids). */
  presentIds: number[];
  /** The snapshot's `last_update_id` now (null without a snapshot). */
  snapshotUpdateId: number | null;
  /** The snapshot, only when its `last_update_id` differs from the caller's: a compaction may have merged rows it never saw. */
  snapshot: Uint8Array | null;
}

/**
 * Durable storage for Yjs rooms. Updates are idempotent, so a load may return an update that the
 * snapshot already covers; it must never miss one.
 */
export interface Persistence {
  /** Everything stored for `room` (an empty document when nothing is). Rejects when storage cannot be read. */
  load(room: string): Promise<StoredDocument>;
  /**
   * Appends every entry in one write (one multi-row INSERT); all or nothing. Resolves with the new rows' ids in
   * entry order when the store has ids.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a store without ids (`async () => {}`) must type-check
  append(entries: readonly AppendEntry[]): Promise<readonly number[] | undefined | void>;
  /**
   * Merges the snapshot and the stored updates of `room` into one snapshot; resolves with how many updates it merged
   * and, when it wrote one, the new snapshot's size (the engine's document size count restarts from it).
   */
  compact(room: string): Promise<{ merged: number; snapshotBytes?: number }>;
  /**
   * What storage holds for `room` beyond what the caller has applied: the rows whose ids are not in `knownIds`, and
   * the snapshot when it changed since `snapshotUpdateId`. Rows are read before the snapshot, so a compaction between
   * the two reads can only make an update appear twice. Optional: without it, instances do not heal missed fan-out.
   */
  readMissing?(
    room: string,
    known: { knownIds: ReadonlySet<number>; snapshotUpdateId: number | null },
  ): Promise<MissingUpdates>;
}
