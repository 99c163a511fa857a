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
}

export interface AppendQueueHandlers<Room, Origin> {
  persisted(batch: PendingAppend<Room, Origin>[], elapsedMs: number): void;
  failed(batch: PendingAppend<Room, Origin>[], error: unknown): void;
}

/**
 * Group commit: every update added during one event-loop turn is written in one `append` (one INSERT), with
 * at most one write in flight; what arrives meanwhile forms the next batch. A failed batch stays at the head of
 * the queue and is retried with exponential backoff, so order and content are never lost while the process lives.
 */
export class AppendQueue<Room, Origin> {
  #pending: PendingAppend<Room, Origin>[] = [];
  #inFlight: Promise<boolean> | null = null;
  #inFlightCount = 0;
  #immediate: NodeJS.Immediate | null = null;
  #retryTimer: NodeJS.Timeout | null = null;
  #failures = 0;
  #lastError: unknown = null;
  #stopped = false;

  constructor(
    private readonly persistence: Persistence,
    private readonly handlers: AppendQueueHandlers<Room, Origin>,
    private readonly maxRetryDelayMs = 2_000,
  ) {}

  /** Updates not yet stored (queued or being written). */
  get size(): number {
    return this.#pending.length + this.#inFlightCount;
  }

  add(entry: PendingAppend<Room, Origin>): void {
    this.#pending.push(entry);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#stopped || this.#immediate || this.#inFlight || this.#retryTimer) return;
    this.#immediate = setImmediate(() => {
      this.#immediate = null;
      void this.#write();
    });
  }

  /** Writes everything pending as one batch; resolves true on success. */
  #write(): Promise<boolean> {
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return Promise.resolve(true);
    const started = performance.now();
    const write = this.persistence.append(batch.map(({ roomName, update }) => ({ room: roomName, update }))).then(
      () => {
        this.#failures = 0;
        this.#inFlight = null;
        this.#inFlightCount = 0;
        this.handlers.persisted(batch, performance.now() - started);
        if (this.#pending.length > 0) this.#schedule();
        return true;
      },
      (error: unknown) => {
        this.#failures += 1;
        this.#lastError = error;
        this.#inFlight = null;
        this.#inFlightCount = 0;
        this.#pending = batch.concat(this.#pending);
        this.handlers.failed(batch, error);
        if (!this.#stopped) {
          this.#retryTimer = setTimeout(() => {
            this.#retryTimer = null;
            this.#schedule();
          }, this.#retryDelay());
        }
        return false;
      },
    );
    this.#inFlight = write;
    this.#inFlightCount = batch.length;
    return write;
  }

  #retryDelay(): number {
    return Math.min(this.maxRetryDelayMs, 25 * 2 ** Math.min(this.#failures, 16));
  }

  /**
   * Writes everything pending now (used at shutdown), retrying a failed write up to `attempts` times.
   * Rejects with the last error when storage stays unavailable.
   */
  async drain({ attempts = 5 } = {}): Promise<void> {
    let failures = 0;
    for (;;) {
      if (this.#inFlight) {
        await this.#inFlight;
        continue;
      }
      this.#clearTimers();
      if (this.#pending.length === 0) return;
      const ok = await this.#write();
      this.#clearTimers();
      if (ok) continue;
      failures += 1;
      if (failures >= attempts) {
        throw new Error(`could not store ${this.#pending.length} pending update(s)`, { cause: this.#lastError });
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
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#immediate = null;
    this.#retryTimer = null;
  }
}
