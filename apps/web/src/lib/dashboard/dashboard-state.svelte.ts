import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { type DealFilter, type DealSort, pipelineCounts, type SortKey, visibleRows } from './deal-rows.ts';
import type { DashboardStatus, HealthPoint, LiveState } from './types.ts';

/** Options of {@link DashboardState}. */
export interface DashboardStateOptions {
  /** The events stream (DESIGN.md §5b). */
  eventsUrl?: string;
  /** The batch health-history endpoint. */
  historyUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Opens an event stream; the browser's `EventSource` by default. */
  openStream?: (url: string) => EventSource;
  /** Delays before reopening a stream the server closed (the browser retries dropped ones itself). */
  retryDelaysMs?: readonly number[];
  /**
   * A stream silent for this long (the server pings every 15 s) is taken for dead and reopened: a proxy or
   * a sleeping laptop can drop a connection without closing it.
   */
  staleMs?: number;
}

/**
 * The manager's dashboard: every visible deal's status kept live from `GET /api/deals/events`, the
 * health trend of each, and the table's sort and filter. `connect()` opens the stream and returns the
 * function that closes it (call it in an `$effect`).
 */
export class DashboardState {
  readonly deals = new SvelteMap<string, DashboardStatus>();
  readonly history = new SvelteMap<string, HealthPoint[]>();
  /** Deals whose risks are expanded in the table. */
  readonly expanded = new SvelteSet<string>();
  live: LiveState = $state('connecting');
  /** True once the first snapshot of statuses has arrived. */
  loaded = $state(false);
  sort: DealSort = $state({ key: 'health', direction: 'asc' });
  filter: DealFilter = $state({ query: '', band: 'all', stage: 'all', state: 'open' });
  /** The clock "last change" is measured against; ticks while connected. */
  now = $state(Date.now());

  readonly rows = $derived(visibleRows(this.deals.values(), this.filter, this.sort));
  readonly pipeline = $derived(pipelineCounts(this.deals.values()));
  readonly total = $derived(this.deals.size);

  readonly #eventsUrl: string;
  readonly #historyUrl: string;
  readonly #fetch: typeof globalThis.fetch;
  readonly #openStream: (url: string) => EventSource;
  readonly #retryDelaysMs: readonly number[];
  readonly #staleMs: number;

  constructor({
    eventsUrl = '/api/deals/events',
    historyUrl = '/api/deals/health-history',
    fetch = globalThis.fetch.bind(globalThis),
    openStream = (url) => new EventSource(url, { withCredentials: true }),
    retryDelaysMs = [1_000, 2_000, 5_000, 10_000],
    staleMs = 45_000,
  }: DashboardStateOptions = {}) {
    this.#eventsUrl = eventsUrl;
    this.#historyUrl = historyUrl;
    this.#fetch = fetch;
    this.#openStream = openStream;
    this.#retryDelaysMs = retryDelaysMs;
    this.#staleMs = staleMs;
  }

  /** Sorts by `key`; choosing the current column again reverses the direction. */
  sortBy(key: SortKey): void {
    this.sort =
      this.sort.key === key
        ? { key, direction: this.sort.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: key === 'title' || key === 'health' || key === 'stage' ? 'asc' : 'desc' };
  }

  /** Shows or hides a deal's risks. */
  toggle(dealId: string): void {
    if (this.expanded.has(dealId)) this.expanded.delete(dealId);
    else this.expanded.add(dealId);
  }

  /** Applies one status from the stream; a changed health extends the deal's trend at once. */
  apply(status: DashboardStatus): void {
    const before = this.deals.get(status.id);
    this.deals.set(status.id, status);
    if (typeof status.health !== 'number' || before?.health === status.health) return;
    const trend = this.history.get(status.id) ?? [];
    const last = trend.at(-1);
    if (last?.health === status.health) return;
    this.history.set(status.id, [
      ...trend,
      { health: status.health, at: status.updatedAt ?? new Date().toISOString() },
    ]);
  }

  /** Opens the live stream (and loads the trends); returns the function that closes everything. */
  connect(): () => void {
    let stream: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let attempt = 0;
    let closed = false;
    let lastHeard = Date.now();
    const heard = () => {
      lastHeard = Date.now();
    };

    const reopenLater = () => {
      stream?.close();
      stream = null;
      this.live = this.loaded ? 'reconnecting' : 'connecting';
      const delay = this.#retryDelaysMs[Math.min(attempt, this.#retryDelaysMs.length - 1)] ?? 5_000;
      attempt += 1;
      retry = setTimeout(open, delay);
    };

    const open = () => {
      retry = null;
      heard();
      const current = this.#openStream(this.#eventsUrl);
      stream = current;
      current.addEventListener('status', (event) => {
        heard();
        this.apply(JSON.parse((event as MessageEvent<string>).data) as DashboardStatus);
      });
      current.addEventListener('ping', heard);
      current.addEventListener('ready', () => {
        heard();
        attempt = 0;
        this.live = 'live';
        this.loaded = true;
        this.now = Date.now();
        void this.loadHistory();
      });
      current.addEventListener('signed-out', () => {
        closed = true;
        current.close();
        this.live = 'signed-out';
      });
      current.addEventListener('error', () => {
        if (closed || stream !== current) return;
        // A dropped connection is retried by the browser; one the server refused (401, 5xx) is closed for good.
        if (current.readyState === EventSource.CLOSED) reopenLater();
        else this.live = this.loaded ? 'reconnecting' : 'connecting';
      });
    };

    const watchdog = setInterval(
      () => {
        this.now = Date.now();
        if (stream && !retry && Date.now() - lastHeard > this.#staleMs) reopenLater();
      },
      Math.min(30_000, Math.max(1_000, this.#staleMs / 3)),
    );
    open();

    return () => {
      closed = true;
      clearInterval(watchdog);
      if (retry) clearTimeout(retry);
      stream?.close();
      stream = null;
    };
  }

  /** Loads the health trend of every visible deal; a failure leaves the current trends in place. */
  async loadHistory(): Promise<void> {
    try {
      const response = await this.#fetch(this.#historyUrl, { credentials: 'same-origin' });
      if (!response.ok) return;
      const { history } = (await response.json()) as { history: Record<string, HealthPoint[]> };
      for (const [dealId, points] of Object.entries(history)) this.history.set(dealId, points);
    } catch (error) {
      console.warn('Could not load the health trends', error);
    }
  }
}
