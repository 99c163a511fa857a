/** What a room's storage holds: an optional merged snapshot and the updates stored after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  /** Stored updates not yet merged into the snapshot, oldest first. */
  updates: Uint8Array[];
}

/** One update to append to a room's log. */
export interface AppendEntry {
  room: string;
  update: Uint8Array;
}

/**
 * Durable storage for Yjs rooms. Updates are idempotent, so a load may return an update that the
 * snapshot already covers; it must never miss one.
 */
export interface Persistence {
  /** Everything stored for `room` (an empty document when nothing is). Rejects when storage cannot be read. */
  load(room: string): Promise<StoredDocument>;
  /** Appends every entry in one write (one multi-row INSERT); all or nothing. */
  append(entries: readonly AppendEntry[]): Promise<void>;
  /** Merges the snapshot and the stored updates of `room` into one snapshot; resolves with how many updates it merged. */
  compact(room: string): Promise<{ merged: number }>;
}
