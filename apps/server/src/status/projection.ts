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
export type ComputeStatus = (
  shared: Y.Doc,
  seller: Y.Doc | undefined,
  options: { id: string; online: number },
) => unknown;

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

/** Which of a deal's documents changed since its last recomputation. */
interface Edits {
  shared: boolean;
  seller: boolean;
}

interface LastSaved {
  full: string;
  shared: string;
  updatedAt: string;
  sharedUpdatedAt: string;
}

const noEdits = (): Edits => ({ shared: false, seller: false });

/**
 * The server's status projection (DESIGN.md section 3): after a change to a deal's shared or seller
 * document, or to who is connected, it recomputes the deal's status within `debounceMs`, stores both
 * views in `deal_status` (and the health in `deal_health_history` when it changed) and publishes them
 * on the status bus. The shared view's `updatedAt` moves only with the shared document, so nothing a
 * Mobilizer receives betrays an edit of the seller document. Recomputations of one deal never overlap;
 * `stop()` leaves no timer behind.
 */
export class StatusProjection {
  readonly #db: Database;
  readonly #engine: StatusDocSource;
  readonly #bus: StatusBus;
  readonly #compute: ComputeStatus;
  readonly #debounceMs: number;
  readonly #onError: (error: unknown, dealId: string) => void;
  readonly #onPublished: (dealId: string) => void;
  readonly #pending = new Map<string, { timer: ReturnType<typeof setTimeout>; edits: Edits }>();
  readonly #running = new Map<string, Promise<void>>();
  readonly #rerun = new Map<string, Edits>();
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
    if (parsed?.kind === 'shared') this.schedule(parsed.dealId, { shared: true });
    else if (parsed?.kind === 'seller') this.schedule(parsed.dealId, { seller: true });
  };

  /** Someone joined or left a room (see `withPresence`), so `online` may have changed. */
  readonly onPresence = (room: string): void => {
    const parsed = parseDealRoom(room);
    if (parsed?.kind === 'shared') this.schedule(parsed.dealId);
  };

  /**
   * Schedules a recomputation of `dealId`; changes within the debounce window share one. `edits` says
   * which documents changed (none: only presence, or a dashboard asking for a deal never projected).
   */
  schedule(dealId: string, edits: Partial<Edits> = {}): void {
    if (this.#stopped) return;
    const pending = this.#pending.get(dealId);
    if (pending) {
      merge(pending.edits, edits);
      return;
    }
    const entry = { edits: merge(noEdits(), edits), timer: setTimeout(() => this.#fire(dealId), this.#debounceMs) };
    this.#pending.set(dealId, entry);
  }

  /** Runs every scheduled recomputation now and waits until all (and any they queued) are done. */
  async flush(): Promise<void> {
    for (const [dealId, { timer }] of [...this.#pending]) {
      clearTimeout(timer);
      this.#fire(dealId);
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

  #fire(dealId: string): void {
    const pending = this.#pending.get(dealId);
    this.#pending.delete(dealId);
    this.#run(dealId, pending?.edits ?? noEdits());
  }

  #run(dealId: string, edits: Edits): void {
    if (this.#running.has(dealId)) {
      this.#rerun.set(dealId, merge(this.#rerun.get(dealId) ?? noEdits(), edits));
      return;
    }
    const run = this.#recompute(dealId, edits)
      .catch((error: unknown) => this.#onError(error, dealId))
      .finally(() => {
        this.#running.delete(dealId);
        const again = this.#rerun.get(dealId);
        this.#rerun.delete(dealId);
        if (again && !this.#stopped) this.#run(dealId, again);
      });
    this.#running.set(dealId, run);
  }

  async #recompute(dealId: string, edits: Edits): Promise<void> {
    const audience = await loadAudience(this.#db, dealId);
    if (!audience) return; // a room without a deal (deleted, or never created): nothing to show anyone
    const online = this.#engine.connectionCount(dealId);
    const shared = await this.#engine.openDoc(dealId);
    let full: DealStatusView;
    let sharedView: DealStatusView;
    try {
      const seller = await this.#engine.openDoc(`${dealId}/seller`);
      try {
        full = this.#compute(shared.doc, seller.doc, { id: dealId, online }) as DealStatusView;
      } finally {
        seller.release();
      }
      sharedView = this.#compute(shared.doc, undefined, { id: dealId, online }) as DealStatusView;
    } finally {
      shared.release();
    }
    full = { ...full, id: dealId };
    sharedView = { ...sharedView, id: dealId };
    const fingerprints = { full: fingerprint(full), shared: fingerprint(sharedView) };
    const last = this.#lastSaved.get(dealId) ?? (await this.#loadLastSaved(dealId));
    const fullChanged = !last || edits.shared || edits.seller || last.full !== fingerprints.full;
    const sharedChanged = !last || edits.shared || last.shared !== fingerprints.shared;
    if (!fullChanged && !sharedChanged) return;

    const now = new Date().toISOString();
    full.updatedAt = !last || edits.shared || edits.seller ? now : last.updatedAt;
    sharedView.updatedAt = !last || edits.shared ? now : last.sharedUpdatedAt;
    await saveStatus(this.#db, { dealId, status: full, sharedStatus: sharedView });
    this.#lastSaved.set(dealId, { ...fingerprints, updatedAt: full.updatedAt, sharedUpdatedAt: sharedView.updatedAt });
    await this.#bus.publish({
      dealId,
      audience,
      status: full,
      sharedStatus: sharedView,
      changed: { full: fullChanged, shared: sharedChanged },
    });
    this.#onPublished(dealId);
  }

  async #loadLastSaved(dealId: string): Promise<LastSaved | undefined> {
    const [row] = await this.#db
      .select({ status: dealStatus.status, sharedStatus: dealStatus.sharedStatus })
      .from(dealStatus)
      .where(eq(dealStatus.dealId, dealId))
      .limit(1);
    if (!row) return undefined;
    const full = row.status as DealStatusView;
    const shared = row.sharedStatus as DealStatusView;
    const epoch = new Date(0).toISOString();
    return {
      full: fingerprint(full),
      shared: fingerprint(shared),
      updatedAt: full.updatedAt ?? epoch,
      sharedUpdatedAt: shared.updatedAt ?? epoch,
    };
  }
}

function merge(into: Edits, edits: Partial<Edits>): Edits {
  into.shared ||= edits.shared === true;
  into.seller ||= edits.seller === true;
  return into;
}

/** A status's content without its time, to tell whether a recomputation changed anything. */
function fingerprint(status: DealStatusView): string {
  const { updatedAt: _updatedAt, ...rest } = status;
  return JSON.stringify(rest);
}
