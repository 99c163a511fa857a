import { and, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../create-db.ts';

/**
 * A table an {@link OutboxWorker} can drain: one row per message, with these columns (named so in TypeScript).
 * `status` holds `pending` (due at `nextAttemptAt`), `sending` (claimed at `claimedAt`), optionally `held`, and the
 * finished states the caller writes (`sent`, `delivered`, `failed`, …).
 */
export type OutboxTable = PgTable & {
  id: PgColumn;
  status: PgColumn;
  attempts: PgColumn;
  nextAttemptAt: PgColumn;
  claimedAt: PgColumn;
  lastError: PgColumn;
};

/** The fields of a claimed row the worker itself reads. */
export interface OutboxRow {
  id: string;
  attempts: number;
  nextAttemptAt: Date;
}

/**
 * What happens to a row still `sending` after `leaseMs` (its instance died mid-send):
 * - `at-most-once`: it may have gone out, so it is never resent; it is marked `failed` ("outcome unknown").
 * - `at-least-once`: it is made `pending` again and resent; the receiver may see it twice.
 */
export type OutboxDelivery = 'at-most-once' | 'at-least-once';

/** Where the worker reports a failed round. `console` fits. */
export interface OutboxLog {
  error(message: string, error?: unknown): void;
}

/** Options of {@link OutboxWorker}. */
export interface OutboxWorkerOptions<TTable extends OutboxTable> {
  db: Database;
  table: TTable;
  /** Names the worker in its log lines ("mail outbox", "webhook sender"). */
  name: string;
  delivery: OutboxDelivery;
  /**
   * Handles the rows one round claimed (`sending`, `attempts` already counted; or `held` with `hold`), each settled by
   * the caller with its own update or with {@link OutboxWorker.retryOrFail}. A rejection is logged; the rows stay
   * claimed until their lease expires.
   */
  process: (rows: TTable['$inferSelect'][]) => Promise<void>;
  /** Called with the rows whose lease expired this round, after they were failed or released. */
  onLeaseExpired?: (rows: TTable['$inferSelect'][]) => void;
  /**
   * Claim due rows as `held` instead of `sending` (nothing can send them now: no attempt is counted, no lease
   * starts); a worker without `hold` also claims `held` rows. Default false.
   */
  hold?: boolean;
  /** How often to look for due rows when idle (ms, default 1 s). */
  pollMs?: number;
  /** How long a row may stay `sending` before it counts as abandoned (ms, default 10 min). */
  leaseMs?: number;
  /** Rows claimed per round (default 20); a full round is followed by another at once. */
  batchSize?: number;
  /** Attempts before {@link OutboxWorker.retryOrFail} gives up (default 8). */
  maxAttempts?: number;
  /** Retry delay after the first failure (ms, default 2 s); doubles each time up to `backoffCapMs` (default 10 min). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  log?: OutboxLog;
}

/** Delay before retry number `attempts` (1-based): base · 2^(attempts-1), at most cap. */
export function backoffMs(attempts: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

const leaseMessages: Record<OutboxDelivery, string> = {
  'at-most-once': 'outcome unknown after a crash: not resent, so it is never sent twice',
  'at-least-once': 'the instance sending it stopped; sent again',
};

/**
 * The loop of a Postgres outbox. Any number of instances may run one against the same table: each round first
 * handles expired leases (see {@link OutboxDelivery}), then claims up to `batchSize` due rows with
 * `SELECT … FOR UPDATE SKIP LOCKED`, marking them `sending` in that same committed statement, so no two instances
 * ever claim one row, and hands them to `process`. Rounds run every `pollMs`, at once after a full round, and at
 * once on {@link wake}. {@link stop} waits for the round in flight and leaves no timer behind.
 */
export class OutboxWorker<TTable extends OutboxTable> {
  readonly #db: Database;
  readonly #table: TTable;
  readonly #name: string;
  readonly #delivery: OutboxDelivery;
  readonly #process: (rows: TTable['$inferSelect'][]) => Promise<void>;
  readonly #onLeaseExpired: ((rows: TTable['$inferSelect'][]) => void) | undefined;
  readonly #hold: boolean;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  readonly #batchSize: number;
  readonly #maxAttempts: number;
  readonly #backoffBaseMs: number;
  readonly #backoffCapMs: number;
  readonly #log: OutboxLog;
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> | undefined;
  #wakeRequested = false;

  constructor(options: OutboxWorkerOptions<TTable>) {
    this.#db = options.db;
    this.#table = options.table;
    this.#name = options.name;
    this.#delivery = options.delivery;
    this.#process = options.process;
    this.#onLeaseExpired = options.onLeaseExpired;
    this.#hold = options.hold ?? false;
    this.#pollMs = options.pollMs ?? 1_000;
    this.#leaseMs = options.leaseMs ?? 600_000;
    this.#batchSize = options.batchSize ?? 20;
    this.#maxAttempts = options.maxAttempts ?? 8;
    this.#backoffBaseMs = options.backoffBaseMs ?? 2_000;
    this.#backoffCapMs = options.backoffCapMs ?? 600_000;
    this.#log = options.log ?? { error: (message, error) => console.error(`[quorum] ${message}`, error ?? '') };
  }

  /** Whether rounds are scheduled (between {@link start} and {@link stop}). */
  get running(): boolean {
    return this.#running;
  }

  /** Starts polling (the first round runs at once). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule(0);
  }

  /** Looks for due rows now instead of at the next poll (call after enqueueing). */
  wake(): void {
    if (!this.#running) return;
    if (this.#round) {
      this.#wakeRequested = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#schedule(0);
  }

  /** Stops polling; resolves once the round in flight (and its `process`) has finished. Leaves no timer. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#round;
  }

  /**
   * One round: expired leases, then claims and processes up to `batchSize` due rows. Returns how many it claimed.
   * `start()` runs rounds by itself; this is for callers that drive it.
   */
  async runOnce(): Promise<number> {
    await this.#expireLeases();
    const rows = await this.#claim();
    if (rows.length > 0) await this.#process(rows);
    return rows.length;
  }

  /**
   * Settles a failed attempt: marks the row `failed` when `permanent` or after `maxAttempts`, otherwise `pending`
   * again after the backoff. `set` adds the caller's own columns (the error, the answer). Returns which it did.
   */
  async retryOrFail(
    row: OutboxRow,
    { permanent = false, set = {} }: { permanent?: boolean; set?: Record<string, unknown> } = {},
  ): Promise<'failed' | 'retrying'> {
    if (permanent || row.attempts >= this.#maxAttempts) {
      await this.#update({ ...set, status: 'failed' }, sql`${this.#table.id} = ${row.id}`);
      return 'failed';
    }
    const delay = backoffMs(row.attempts, this.#backoffBaseMs, this.#backoffCapMs);
    await this.#update(
      { ...set, status: 'pending', nextAttemptAt: sql`now() + ${delay} * interval '1 millisecond'` },
      sql`${this.#table.id} = ${row.id}`,
    );
    return 'retrying';
  }

  #schedule(delayMs: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#round = this.runOnce()
        .then(
          (claimed) => claimed >= this.#batchSize,
          (error: unknown) => {
            this.#log.error(`${this.#name} round failed; trying again at the next poll`, error);
            return false;
          },
        )
        .then((more) => {
          this.#round = undefined;
          const now = more || this.#wakeRequested;
          this.#wakeRequested = false;
          if (this.#running) this.#schedule(now ? 0 : this.#pollMs);
        });
    }, delayMs);
  }

  async #expireLeases(): Promise<void> {
    const t = this.#table;
    const expired = await this.#update(
      {
        status: this.#delivery === 'at-most-once' ? 'failed' : 'pending',
        lastError: leaseMessages[this.#delivery],
      },
      and(
        sql`${t.status} = 'sending'`,
        lte(t.claimedAt, sql`now() - ${this.#leaseMs} * interval '1 millisecond'`),
      ) as SQL,
    );
    if (expired.length > 0) this.#onLeaseExpired?.(expired);
  }

  /** Claims due rows in one statement (committed when it returns): `sending`, or `held` with `hold`. */
  async #claim(): Promise<TTable['$inferSelect'][]> {
    const t = this.#table;
    const claimable = this.#hold ? ['pending'] : ['pending', 'held'];
    const due = this.#db
      .select({ id: t.id })
      .from(t as PgTable)
      .where(and(inArray(t.status, claimable), lte(t.nextAttemptAt, sql`now()`)))
      .orderBy(t.nextAttemptAt)
      .limit(this.#batchSize)
      .for('update', { skipLocked: true });
    const rows = await this.#update(
      this.#hold ? { status: 'held' } : { status: 'sending', attempts: sql`${t.attempts} + 1`, claimedAt: sql`now()` },
      and(inArray(t.id, due), inArray(t.status, claimable)) as SQL,
    );
    const dueAt = (row: unknown) => (row as OutboxRow).nextAttemptAt.getTime();
    return rows.sort((a, b) => dueAt(a) - dueAt(b));
  }

  /**
   * An update of the generic table, returning the rows. Drizzle cannot type `set` for a table known only by some of
   * its columns, so the values are passed through untyped; the keys are the {@link OutboxTable} ones or the caller's.
   */
  async #update(set: Record<string, unknown>, where: SQL): Promise<TTable['$inferSelect'][]> {
    const table = this.#table as PgTable;
    const rows = await this.#db
      .update(table)
      .set(set as never)
      .where(where)
      .returning();
    return rows as TTable['$inferSelect'][];
  }
}
