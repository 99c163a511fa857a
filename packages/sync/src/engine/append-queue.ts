import type { Persistence } from '../persistence/index.ts';

/** One accepted update on its way to storage. */
export interface PendingAppend<Room, Origin> {
  room: Room;
  roomName: string;
  update: Uint8Array;
  /** The room's sequence number of this update; relays that depend on it wait until it is stored. */
  seq: number;
  /** Who sent it (closed with 1013 when the write fails), if anyone. */
  origin: Origin | null;
  /** The stored row's id, once stored (when the persistence reports ids). */
  id?: number;
}

export interface AppendQueueHandlers<Room, Origin> {
  /**
   * Called with stored updates: per room in the order they were added, once they and every earlier update of their
   * room are stored (a batch's updates may be reported in parts, one part per call).
   */
  persisted(batch: PendingAppend<Room, Origin>[], elapsedMs: number): void;
  failed(batch: PendingAppend<Room, Origin>[], error: unknown): void;
}

interface Batch<Room, Origin> {
  entries: PendingAppend<Room, Origin>[];
  state: 'writing' | 'retry' | 'done';
  /** The current write; resolves true when it stored the batch. */
  write: Promise<boolean>;
  elapsedMs: number;
}

/**
 * Group commit: every update added during one event-loop turn is written in one `append` (one INSERT). Up to
 * `maxInFlight` batches are written concurrently (so one slow commit does not hold back the next turn's); each room's
 * updates are reported stored in the order they were added, and no room waits for another room's writes. A failed batch keeps its place and is retried with
 * exponential backoff while no new batch starts, so nothing is lost or reordered while the process lives.
 */
export class AppendQueue<Room, Origin> {
  #pending: PendingAppend<Room, Origin>[] = [];
  readonly #batches: Batch<Room, Origin>[] = [];
  #immediate: NodeJS.Immediate | null = null;
  readonly #retryTimers = new Map<Batch<Room, Origin>, NodeJS.Timeout>();
  #failures = 0;
  #bytes = 0;
  #lastError: unknown = null;
  #stopped = false;
  readonly #maxRetryDelayMs: number;
  readonly #maxInFlight: number;
  readonly #maxBatchRows: number;
  readonly #maxBatchBytes: number;

  /**
   * `maxBatchRows` (default 1,000) and `maxBatchBytes` (default 8 MiB) bound one INSERT: a backlog built up while
   * storage was slow is written as several batches, never as one statement past Postgres's 65,535 parameters.
   */
  constructor(
    private readonly persistence: Persistence,
    private readonly handlers: AppendQueueHandlers<Room, Origin>,
    {
      maxRetryDelayMs = 2_000,
      maxInFlight = 4,
      maxBatchRows = 1_000,
      maxBatchBytes = 8 * 1024 * 1024,
    }: { maxRetryDelayMs?: number; maxInFlight?: number; maxBatchRows?: number; maxBatchBytes?: number } = {},
  ) {
    this.#maxRetryDelayMs = maxRetryDelayMs;
    this.#maxInFlight = maxInFlight;
    this.#maxBatchRows = maxBatchRows;
    this.#maxBatchBytes = maxBatchBytes;
  }

  /** Updates not yet reported stored (queued, being written, or waiting for an earlier batch). */
  get size(): number {
    let size = this.#pending.length;
    for (const batch of this.#batches) size += batch.entries.length;
    return size;
  }

  /** Bytes of the updates not yet reported stored. */
  get bytes(): number {
    return this.#bytes;
  }

  add(entry: PendingAppend<Room, Origin>): void {
    this.#bytes += entry.update.byteLength;
    this.#pending.push(entry);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#stopped || this.#immediate || this.#pending.length === 0) return;
    if (this.#retryTimers.size > 0 || this.#writing() >= this.#maxInFlight) return;
    this.#immediate = setImmediate(() => {
      this.#immediate = null;
      this.#launch();
    });
  }

  #writing(): number {
    let writing = 0;
    for (const batch of this.#batches) if (batch.state === 'writing') writing += 1;
    return writing;
  }

  /** Forms a batch of what is pending (up to the batch bounds) and starts writing it; the rest goes next. */
  #launch(): void {
    if (this.#pending.length === 0) return;
    let take = 0;
    let bytes = 0;
    while (take < this.#pending.length && take < this.#maxBatchRows) {
      bytes += this.#pending[take]!.update.byteLength;
      if (take > 0 && bytes > this.#maxBatchBytes) break;
      take += 1;
    }
    const batch: Batch<Room, Origin> = {
      entries: take === this.#pending.length ? this.#pending : this.#pending.slice(0, take),
      state: 'writing',
      write: Promise.resolve(false),
      elapsedMs: 0,
    };
    this.#pending = take === this.#pending.length ? [] : this.#pending.slice(take);
    this.#batches.push(batch);
    this.#write(batch);
    this.#schedule();
  }

  #write(batch: Batch<Room, Origin>): void {
    batch.state = 'writing';
    const started = performance.now();
    batch.write = this.persistence
      .append(batch.entries.map(({ roomName, update }) => ({ room: roomName, update })))
      .then(
        (ids) => {
          if (ids) for (const [index, entry] of batch.entries.entries()) entry.id = ids[index];
          this.#failures = 0;
          batch.state = 'done';
          batch.elapsedMs = performance.now() - started;
          this.#deliver();
          this.#schedule();
          return true;
        },
        (error: unknown) => {
          this.#failures += 1;
          this.#lastError = error;
          batch.state = 'retry';
          this.handlers.failed(batch.entries, error);
          if (!this.#stopped) {
            this.#retryTimers.set(
              batch,
              setTimeout(() => {
                this.#retryTimers.delete(batch);
                this.#write(batch);
              }, this.#retryDelay()),
            );
          }
          return false;
        },
      );
  }

  /**
   * Reports what is stored, in order per room: a stored batch's updates go out at once unless their room also has
   * updates in an earlier batch not yet stored (those wait for it). One room's slow or retried write never holds
   * back the relays of the other rooms.
   */
  #deliver(): void {
    const waiting = new Set<string>();
    for (const batch of this.#batches) {
      if (batch.state !== 'done') {
        for (const entry of batch.entries) waiting.add(entry.roomName);
        continue;
      }
      let ready = batch.entries;
      const held: PendingAppend<Room, Origin>[] = [];
      if (waiting.size > 0) {
        ready = [];
        for (const entry of batch.entries) (waiting.has(entry.roomName) ? held : ready).push(entry);
      }
      batch.entries = held;
      for (const entry of held) waiting.add(entry.roomName);
      if (ready.length === 0) continue;
      for (const entry of ready) this.#bytes -= entry.update.byteLength;
      this.handlers.persisted(ready, batch.elapsedMs);
    }
    let kept = 0;
    for (const batch of this.#batches)
      if (batch.state !== 'done' || batch.entries.length > 0) this.#batches[kept++] = batch;
    this.#batches.length = kept;
  }

  #retryDelay(): number {
    return Math.min(this.#maxRetryDelayMs, 25 * 2 ** Math.min(this.#failures, 16));
  }

  /**
   * Writes everything pending now (used at shutdown), retrying failed writes up to `attempts` rounds.
   * Rejects with the last error when storage stays unavailable.
   */
  async drain({ attempts = 5 } = {}): Promise<void> {
    let failures = 0;
    for (;;) {
      this.#clearTimers();
      for (const batch of this.#batches) if (batch.state === 'retry') this.#write(batch);
      this.#launch();
      const writes = this.#batches.filter((batch) => batch.state === 'writing').map((batch) => batch.write);
      if (writes.length === 0) return;
      const results = await Promise.all(writes);
      if (results.every(Boolean)) continue;
      failures += 1;
      if (failures >= attempts) {
        this.#clearTimers();
        throw new Error(`could not store ${this.size} pending update(s)`, { cause: this.#lastError });
      }
      await new Promise((resolve) => setTimeout(resolve, this.#retryDelay()));
    }
  }

  /** Cancels scheduled writes and retries; pending updates stay in memory. */
  stop(): void {
    this.#stopped = true;
    this.#clearTimers();
  }

  #clearTimers(): void {
    if (this.#immediate) clearImmediate(this.#immediate);
    this.#immediate = null;
    for (const timer of this.#retryTimers.values()) clearTimeout(timer);
    this.#retryTimers.clear();
  }
}
