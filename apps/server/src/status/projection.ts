import { createHash } from 'node:crypto';
import { parseRoomName } from '@quorum/auth';
import type { Database } from '@quorum/db';
import type * as Y from 'yjs';
import { type OpenedDoc, readStored } from '../documents/index.ts';
import { emitWebhook } from '../webhooks/index.ts';
import { countPeople } from './people-online.ts';
import type { DealAudience, StatusBus } from './status-bus.ts';
import { readStatus, type StoredViews, touchStatus, updateStatus } from './status-store.ts';
import type { DealStatusView } from './status-types.ts';
import { loadAudience } from './visibility.ts';

/** The part of the room engine the projection reads documents and presence from. */
export interface StatusDocSource {
  /** A room's document (loaded if needed) for a server-side read; `release()` when done. */
  openDoc(room: string): Promise<OpenedDoc> | OpenedDoc;
  /** Connections open to a room on this instance right now (`online` when there is no `awarenessStates`). */
  connectionCount(room: string): number;
  /**
   * A room's awareness states, every instance's clients included (the engine's fan-out relays them): `online`
   * counts the people in them (see `countPeople`).
   */
  awarenessStates?(room: string): ReadonlyMap<number, unknown>;
  /** Connections on this instance whose client announced no awareness state: one person each. */
  silentConnectionCount?(room: string): number;
  /** Whether a room is loaded on this instance (presence alone is then projected without reading documents). */
  isLoaded?(room: string): boolean;
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
  /**
   * A deal is recomputed at most once per this interval (default 750 ms): a deal edited without pause is projected
   * every 750 ms instead of every `debounceMs`, still within DESIGN.md's "within a second of any change".
   */
  minIntervalMs?: number;
  /** Called when a recomputation fails; the projection carries on with the next change. */
  onError?: (error: unknown, dealId: string) => void;
  /** Called after each status stored and published (metrics, tests). */
  onPublished?: (dealId: string) => void;
  /** Called after a `deal.status.changed` webhook was queued (the webhook sender's `wake`). */
  onWebhookQueued?: () => void;
  /**
   * Called after a status was stored and published, with the full view stored before (none for a first projection):
   * the deals row follows a title typed in the room, a health band drop is mailed. Errors go to `onError`.
   */
  onStored?: (change: StoredStatusChange) => void | Promise<void>;
  /**
   * How long a deal's audience (its organization and members), once read, serves its next recomputations (default
   * 1 s): a busy deal is recomputed every `debounceMs`, and its audience rarely changes.
   */
  audienceTtlMs?: number;
}

/** A status the projection just stored, and the one it replaced. */
export interface StoredStatusChange {
  dealId: string;
  previous: DealStatusView | undefined;
  status: DealStatusView;
}

/** What this instance last stored (or read back) for a deal: the content of both views, to skip unchanged writes. */
interface KnownViews {
  /** `fingerprint` of the full view, hashed (a deal's status is kilobytes; a busy server knows thousands). */
  fullPrint: string;
  /** The same of the shared view. */
  sharedPrint: string;
}

/** Which of a deal's documents changed since its last recomputation. */
interface Edits {
  shared: boolean;
  seller: boolean;
  /** No document changed, but the status must be read from them again (the calendar moved: overdue verifiers). */
  reread: boolean;
}

const noEdits = (): Edits => ({ shared: false, seller: false, reread: false });

/**
 * The server's status projection (DESIGN.md section 3): after a change to a deal's shared or seller
 * document, or to who is in the room, it recomputes the deal's status within `debounceMs`, stores both
 * views in `deal_status` (and the health in `deal_health_history` when it changed) and publishes them
 * on the status bus. The shared view's `updatedAt` moves only with the shared document, so nothing a
 * Mobilizer receives betrays an edit of the seller document. Recomputations of one deal never overlap;
 * `stop()` leaves no timer behind.
 *
 * With several instances, one status event per change: a document change is projected only by the
 * instance that stored it (the others see it as `remote`), a presence change only by the instance where
 * the person joined or left, and whether anything changed is decided against the stored status inside
 * the transaction that replaces it, so two instances projecting one deal at once publish it once.
 * `online` counts the people in the shared room's awareness states, which cover every instance.
 */
export class StatusProjection {
  readonly #db: Database;
  readonly #engine: StatusDocSource;
  readonly #bus: StatusBus;
  readonly #compute: ComputeStatus;
  readonly #debounceMs: number;
  readonly #minIntervalMs: number;
  /** When each deal's last recomputation started (`performance.now()`), to space them by `minIntervalMs`. */
  readonly #lastRun = new Map<string, number>();
  readonly #onError: (error: unknown, dealId: string) => void;
  readonly #onPublished: (dealId: string) => void;
  readonly #onWebhookQueued: () => void;
  readonly #onStored: ((change: StoredStatusChange) => void | Promise<void>) | undefined;
  readonly #pending = new Map<string, { timer: ReturnType<typeof setTimeout>; edits: Edits }>();
  readonly #running = new Map<string, Promise<void>>();
  readonly #rerun = new Map<string, Edits>();
  /** People in each deal's shared room as last seen here (local and remote changes alike), when not 0. */
  readonly #people = new Map<string, number>();
  /** Per deal, the views this instance knows to be stored; dropped when another instance stored a change. */
  readonly #known = new Map<string, KnownViews>();
  readonly #audiences = new Map<string, { audience: DealAudience | null; at: number }>();
  readonly #audienceTtlMs: number;
  #stopped = false;

  constructor({
    db,
    engine,
    bus,
    compute,
    debounceMs = 250,
    minIntervalMs = 750,
    onError = (error, dealId) => console.error(`[status] could not project deal ${dealId}`, error),
    onPublished = () => undefined,
    onWebhookQueued = () => undefined,
    onStored,
    audienceTtlMs = 1_000,
  }: StatusProjectionOptions) {
    this.#audienceTtlMs = audienceTtlMs;
    this.#db = db;
    this.#engine = engine;
    this.#bus = bus;
    this.#compute = compute;
    this.#debounceMs = debounceMs;
    this.#minIntervalMs = minIntervalMs;
    this.#onError = onError;
    this.#onPublished = onPublished;
    this.#onWebhookQueued = onWebhookQueued;
    this.#onStored = onStored;
  }

  /**
   * Engine hook: a room's document changed (the buyer document never affects the status). A `remote`
   * change was stored, and is projected, by another instance.
   */
  readonly onChange = (room: string, _doc?: unknown, info?: { remote?: boolean }): void => {
    const parsed = parseRoomName(room);
    if (info?.remote) {
      // Its instance stores the status that change makes: what this one knows may be stale from now on.
      if (parsed) this.#known.delete(parsed.dealId);
      return;
    }
    if (parsed?.kind === 'shared') this.schedule(parsed.dealId, { shared: true });
    else if (parsed?.kind === 'seller') this.schedule(parsed.dealId, { seller: true });
  };

  /** Someone joined or left a room (see `withPresence`), so `online` may have changed. */
  readonly onPresence = (room: string): void => {
    const parsed = parseRoomName(room);
    if (parsed?.kind === 'shared') this.schedule(parsed.dealId);
  };

  /**
   * Engine hook: a room's awareness changed. Reprojects when the number of people in a shared room
   * changed through a client of this instance; remote changes only update what this instance knows
   * (their own instance projects them).
   */
  readonly onAwareness = (room: string, { remote = false }: { remote?: boolean } = {}): void => {
    const parsed = parseRoomName(room);
    if (parsed?.kind !== 'shared' || !this.#engine.awarenessStates) return;
    const people = countPeople(this.#engine.awarenessStates(room)) + (this.#engine.silentConnectionCount?.(room) ?? 0);
    const known = this.#people.get(parsed.dealId) ?? 0;
    if (people === 0) this.#people.delete(parsed.dealId);
    else this.#people.set(parsed.dealId, people);
    if (!remote && people !== known) this.schedule(parsed.dealId);
  };

  /**
   * Schedules a recomputation of `dealId`; changes within the debounce window share one. `edits` says
   * which documents changed (none: only presence, or a dashboard asking for a deal never projected; `reread`: none
   * changed but the status must be computed from them again, as when a due date passed).
   */
  schedule(dealId: string, edits: Partial<Edits> = {}): void {
    if (this.#stopped) return;
    const pending = this.#pending.get(dealId);
    if (pending) {
      merge(pending.edits, edits);
      return;
    }
    const last = this.#lastRun.get(dealId);
    const delay = Math.max(this.#debounceMs, last === undefined ? 0 : last + this.#minIntervalMs - performance.now());
    const entry = { edits: merge(noEdits(), edits), timer: setTimeout(() => this.#fire(dealId), delay) };
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
    this.#known.clear();
    this.#audiences.clear();
    this.#lastRun.clear();
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
    if (this.#lastRun.size > 10_000) this.#lastRun.clear();
    this.#lastRun.set(dealId, performance.now());
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
    const audience = await this.#audience(dealId);
    if (!audience) return; // a room without a deal (deleted, or never created): nothing to show anyone
    const presence = !edits.shared && !edits.seller && !edits.reread ? await this.#withOnline(dealId) : null;
    let [full, sharedView] = presence ?? (await this.#fromDocuments(dealId));
    full = { ...full, id: dealId };
    sharedView = { ...sharedView, id: dealId };
    const fullPrint = printOf(full);
    const sharedPrint = printOf(sharedView);
    const known = this.#known.get(dealId);
    if (known && known.fullPrint === fullPrint && known.sharedPrint === sharedPrint) {
      // Nothing a reader sees changed: no locked transaction; an edit only moves its views' `updatedAt`.
      if (!edits.shared && !edits.seller) return;
      const at = new Date().toISOString();
      const touched = await touchStatus(this.#db, dealId, { at, shared: edits.shared });
      if (!touched) {
        this.#known.delete(dealId);
        return this.#recompute(dealId, edits);
      }
      await this.#bus.publish({
        dealId,
        audience,
        status: touched.status,
        sharedStatus: touched.sharedStatus,
        changed: { full: true, shared: edits.shared },
      });
      this.#onPublished(dealId);
      return;
    }
    let stored: StoredViews | undefined;
    const saved = await updateStatus(this.#db, dealId, (previous) => {
      stored = previous;
      return decide(previous, { full, sharedView, edits });
    });
    if (!saved) {
      if (stored) this.#known.set(dealId, knownViews(stored.status, stored.sharedStatus));
      return;
    }
    if (this.#known.size > 10_000) this.#known.clear();
    this.#known.set(dealId, { fullPrint, sharedPrint });
    const before = stored?.status;
    await this.#bus.publish({
      dealId,
      audience,
      status: saved.status,
      sharedStatus: saved.sharedStatus,
      changed: saved.changed,
    });
    this.#onPublished(dealId);
    if (saved.notify) {
      // The organization's endpoints get the full (seller) view: the organization's own.
      const queued = await emitWebhook(this.#db, audience.organizationId, 'deal.status.changed', {
        dealId,
        status: saved.status,
      });
      if (queued.length > 0) this.#onWebhookQueued();
    }
    await this.#onStored?.({ dealId, previous: before, status: saved.status });
  }

  /** Both views computed from one stored moment of the shared and seller documents (loaded if needed). */
  async #fromDocuments(dealId: string): Promise<readonly [DealStatusView, DealStatusView]> {
    const shared = await this.#engine.openDoc(dealId);
    try {
      const seller = await this.#engine.openDoc(`${dealId}/seller`);
      try {
        // Both views from one stored moment of both documents: never a status a crash could take back.
        return await readStored([shared, seller], () => {
          // Read once the room is loaded here: loading asks the other instances who is in it.
          const online = this.#online(dealId);
          return [
            this.#compute(shared.doc, seller.doc, { id: dealId, online }) as DealStatusView,
            this.#compute(shared.doc, undefined, { id: dealId, online }) as DealStatusView,
          ] as const;
        });
      } finally {
        seller.release();
      }
    } finally {
      shared.release();
    }
  }

  /**
   * Only who is in the room changed: the stored views with the new `online`,
   * without loading a document (a room joined or left does not load the seller document). Null when the deal was
   * never projected.
   */
  async #withOnline(dealId: string): Promise<readonly [DealStatusView, DealStatusView] | null> {
    // Only where the shared room is loaded does its awareness count every instance's people.
    if (!this.#engine.isLoaded?.(dealId)) return null;
    const base = await readStatus(this.#db, dealId);
    if (!base) return null;
    const online = this.#online(dealId);
    return [
      { ...base.status, online },
      { ...base.sharedStatus, online },
    ];
  }

  /** The deal's audience, read at most once per `audienceTtlMs`. */
  async #audience(dealId: string): Promise<DealAudience | null> {
    const cached = this.#audiences.get(dealId);
    if (cached && performance.now() - cached.at < this.#audienceTtlMs) return cached.audience;
    const audience = await loadAudience(this.#db, dealId);
    if (this.#audiences.size > 10_000) this.#audiences.clear();
    this.#audiences.set(dealId, { audience, at: performance.now() });
    return audience;
  }

  #online(dealId: string): number {
    const states = this.#engine.awarenessStates?.(dealId);
    if (!states) return this.#engine.connectionCount(dealId);
    return countPeople(states) + (this.#engine.silentConnectionCount?.(dealId) ?? 0);
  }
}

/**
 * Whether a recomputed status is worth storing and publishing, given the stored one: a document edit
 * always is (its view's `updatedAt` moves), anything else only when a view's content changed.
 */
function decide(
  previous: StoredViews | undefined,
  { full, sharedView, edits }: { full: DealStatusView; sharedView: DealStatusView; edits: Edits },
): (StoredViews & { changed: { full: boolean; shared: boolean }; notify: boolean }) | null {
  const fullChanged = !previous || edits.shared || edits.seller || fingerprint(previous.status) !== fingerprint(full);
  const sharedChanged = !previous || edits.shared || fingerprint(previous.sharedStatus) !== fingerprint(sharedView);
  if (!fullChanged && !sharedChanged) return null;
  const now = new Date().toISOString();
  const epoch = new Date(0).toISOString();
  const status = {
    ...full,
    updatedAt: !previous || edits.shared || edits.seller ? now : (previous.status.updatedAt ?? epoch),
  };
  const sharedStatus = {
    ...sharedView,
    updatedAt: !previous || edits.shared ? now : (previous.sharedStatus.updatedAt ?? epoch),
  };
  // Webhooks hear of a change of the full status's content, not of who is online or a bare edit time.
  const notify = !previous || fingerprint({ ...previous.status, online: 0 }) !== fingerprint({ ...full, online: 0 });
  return { status, sharedStatus, changed: { full: fullChanged, shared: sharedChanged }, notify };
}

function knownViews(full: DealStatusView, sharedView: DealStatusView): KnownViews {
  return { fullPrint: printOf(full), sharedPrint: printOf(sharedView) };
}

/** A view's fingerprint, hashed: what `#known` keeps. */
function printOf(view: DealStatusView): string {
  return createHash('sha1').update(fingerprint(view)).digest('base64');
}

function merge(into: Edits, edits: Partial<Edits>): Edits {
  into.shared ||= edits.shared === true;
  into.seller ||= edits.seller === true;
  into.reread ||= edits.reread === true;
  return into;
}

/**
 * A status's content without its time, to tell whether a recomputation changed anything. Keys are sorted:
 * the stored copy comes back from a jsonb column, which does not keep their order.
 */
function fingerprint(status: DealStatusView): string {
  const { updatedAt: _updatedAt, ...rest } = status;
  return JSON.stringify(rest, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
