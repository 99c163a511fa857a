import type { Database } from '@quorum/db';
import { dealStatus } from '@quorum/db';
import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { parseDealRoom } from './room-names.ts';
import type { StatusBus } from './status-bus.ts';
import { saveStatus } from './status-store.ts';
import type { DealStatusView } from './status-types.ts';
import { loadAudience } from './visibility.ts';

/** The part of the room engine the projection reads documents and presence from. */
export interface StatusDocSource {
  /** A room's document (loaded if needed) for a server-side read; `release()` when done. */
  openDoc(room: string): Promise<{ doc: Y.Doc; release(): void }> | { doc: Y.Doc; release(): void };
  /** Connections open to a room right now. */
  connectionCount(room: string): number;
}

/** Turns a deal's shared document (and, for the full view, its seller document) into its status. */
export type ComputeStatus = (shared: Y.Doc, seller: Y.Doc | undefined, options: { online: number }) => unknown;

/** Options of {@link StatusProjection}. */
export interface StatusProjectionOptions {
  db: Database;
  engine: StatusDocSource;
  bus: StatusBus;
  compute: ComputeStatus;
  /** Changes to one deal within this window are folded into one recomputation (default 250 ms). */
  debounceMs?: number;
  /** Called when a recomputation fails; the projection carries on with the next change. */
  onError?: (error: unknown, dealId: string) => void;
  /** Called after each status stored and published (metrics, tests). */
  onPublished?: (dealId: string) => void;
}

interface LastSaved {
  fingerprint: string;
  updatedAt: string;
}

/**
 * The server's status projection (DESIGN.md section 3): after a change to a deal's shared or seller
 * document, or to who is connected, it recomputes the deal's status within `debounceMs`, stores both
 * views in `deal_status` (and the health in `deal_health_history` when it changed) and publishes them
 * on the status bus. Recomputations of one deal never overlap; `stop()` leaves no timer behind.
 */
export class StatusProjection {
  readonly #db: Database;
  readonly #engine: StatusDocSource;
  readonly #bus: StatusBus;
  readonly #compute: ComputeStatus;
  readonly #debounceMs: number;
  readonly #onError: (error: unknown, dealId: string) => void;
  readonly #onPublished: (dealId: string) => void;
  /** Deals with a recomputation scheduled, and whether a document edit (not only presence) is among the causes. */
  readonly #pending = new Map<string, { timer: ReturnType<typeof setTimeout>; edited: boolean }>();
  readonly #running = new Map<string, Promise<void>>();
  readonly #rerun = new Map<string, boolean>();
  readonly #lastSaved = new Map<string, LastSaved>();
  #stopped = false;

  constructor({
    db,
    engine,
    bus,
    compute,
    debounceMs = 250,
    onError = (error, dealId) => console.error(`[status] could not project deal ${dealId}`, error),
    onPublished = () => undefined,
  }: StatusProjectionOptions) {
    this.#db = db;
    this.#engine = engine;
    this.#bus = bus;
    this.#compute = compute;
    this.#debounceMs = debounceMs;
    this.#onError = onError;
    this.#onPublished = onPublished;
  }

  /** Engine hook: a room's document changed (the buyer document never affects the status). */
  readonly onChange = (room: string): void => {
    const parsed = parseDealRoom(room);
    if (parsed && parsed.kind !== 'buyer') this.schedule(parsed.dealId, { edited: true });
  };

  /** Engine hook: someone connected to or disconnected from a room, so `online` may have changed. */
  readonly onPresence = (room: string): void => {
    const parsed = parseDealRoom(room);
    if (parsed?.kind === 'shared') this.schedule(parsed.dealId, { edited: false });
  };

  /** Schedules a recomputation of `dealId`; changes within the debounce window share one. */
  schedule(dealId: string, { edited = false }: { edited?: boolean } = {}): void {
    if (this.#stopped) return;
    const pending = this.#pending.get(dealId);
    if (pending) {
      pending.edited ||= edited;
      return;
    }
    const timer = setTimeout(() => {
      const fired = this.#pending.get(dealId);
      this.#pending.delete(dealId);
      this.#run(dealId, fired?.edited ?? edited);
    }, this.#debounceMs);
    this.#pending.set(dealId, { timer, edited });
  }

  /** Runs every scheduled recomputation now and waits until all are done. */
  async flush(): Promise<void> {
    for (const [dealId, { timer, edited }] of [...this.#pending]) {
      clearTimeout(timer);
      this.#pending.delete(dealId);
      this.#run(dealId, edited);
    }
    await this.#settle();
  }

  /** Stops scheduling: pending recomputations run now (unless `flush` is false), running ones finish. */
  async stop({ flush = true }: { flush?: boolean } = {}): Promise<void> {
    if (flush) await this.flush();
    this.#stopped = true;
    for (const { timer } of this.#pending.values()) clearTimeout(timer);
    this.#pending.clear();
    this.#rerun.clear();
    await this.#settle();
  }

  /** Deals with a recomputation scheduled or running. */
  get busy(): number {
    return this.#pending.size + this.#running.size;
  }

  async #settle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running.values()]);
  }

  #run(dealId: string, edited: boolean): void {
    if (this.#running.has(dealId)) {
      this.#rerun.set(dealId, (this.#rerun.get(dealId) ?? false) || edited);
      return;
    }
    const run = this.#recompute(dealId, edited)
      .catch((error: unknown) => this.#onError(error, dealId))
      .finally(() => {
        this.#running.delete(dealId);
        const again = this.#rerun.get(dealId);
        this.#rerun.delete(dealId);
        if (again !== undefined && !this.#stopped) this.#run(dealId, again);
      });
    this.#running.set(dealId, run);
  }

  async #recompute(dealId: string, edited: boolean): Promise<void> {
    const audience = await loadAudience(this.#db, dealId);
    if (!audience) return; // a room without a deal (deleted, or never created): nothing to show anyone
    const online = this.#engine.connectionCount(dealId);
    const shared = await this.#engine.openDoc(dealId);
    let status: DealStatusView;
    let sharedStatus: DealStatusView;
    try {
      const seller = await this.#engine.openDoc(`${dealId}/seller`);
      try {
        status = this.#compute(shared.doc, seller.doc, { online }) as DealStatusView;
      } finally {
        seller.release();
      }
      sharedStatus = this.#compute(shared.doc, undefined, { online }) as DealStatusView;
    } finally {
      shared.release();
    }
    status = { ...status, id: dealId };
    sharedStatus = { ...sharedStatus, id: dealId };
    const fingerprint = JSON.stringify([withoutTime(status), withoutTime(sharedStatus)]);
    const last = this.#lastSaved.get(dealId) ?? (await this.#loadLastSaved(dealId));
    if (!edited && last?.fingerprint === fingerprint) return;
    const updatedAt = edited || !last ? new Date().toISOString() : last.updatedAt;
    status.updatedAt = updatedAt;
    sharedStatus.updatedAt = updatedAt;
    await saveStatus(this.#db, { dealId, status, sharedStatus });
    this.#lastSaved.set(dealId, { fingerprint, updatedAt });
    await this.#bus.publish({ dealId, audience, status, sharedStatus });
    this.#onPublished(dealId);
  }

  async #loadLastSaved(dealId: string): Promise<LastSaved | undefined> {
    const [row] = await this.#db
      .select({ status: dealStatus.status, sharedStatus: dealStatus.sharedStatus })
      .from(dealStatus)
      .where(eq(dealStatus.dealId, dealId))
      .limit(1);
    if (!row) return undefined;
    const status = row.status as DealStatusView;
    const sharedStatus = row.sharedStatus as DealStatusView;
    return {
      fingerprint: JSON.stringify([withoutTime(status), withoutTime(sharedStatus)]),
      updatedAt: status.updatedAt ?? new Date(0).toISOString(),
    };
  }
}

function withoutTime(status: DealStatusView): Omit<DealStatusView, 'updatedAt'> {
  const { updatedAt: _updatedAt, ...rest } = status;
  return rest;
}
