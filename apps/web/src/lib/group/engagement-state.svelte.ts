import { ApiError } from '$lib/api/index.ts';
import { type EngagementApi, engagementApi, type StakeholderEngagement } from './engagement-api.ts';

/** Where the engagement figures stand: first load, known, not offered by this server, or failing. */
export type EngagementStatus = 'loading' | 'ready' | 'unavailable' | 'error';

/** Options of {@link GroupEngagement}. */
export interface GroupEngagementOptions {
  dealId: string;
  api?: EngagementApi;
  /** How often the figures are refreshed while the page is open. */
  refreshMs?: number;
}

/**
 * Who of the buying group has opened their guide link and answered, as Svelte state, refreshed every few
 * seconds. A server without the endpoint (404) or a caller it refuses leaves the room working: the status
 * says `unavailable` and every view falls back to what the shared document knows (the answers).
 */
export class GroupEngagement {
  readonly dealId: string;
  readonly #api: EngagementApi;
  readonly #refreshMs: number;
  status = $state<EngagementStatus>('loading');
  stakeholders = $state<StakeholderEngagement[]>([]);
  /** Per stakeholder id; null unless the figures are known. */
  byId: Map<string, StakeholderEngagement> | null = $derived(
    this.status === 'ready' ? new Map(this.stakeholders.map((s) => [s.id, s])) : null,
  );
  /** When the figures were last read (for "2 h ago"). */
  now = $state(new Date());

  constructor({ dealId, api = engagementApi(), refreshMs = 10_000 }: GroupEngagementOptions) {
    this.dealId = dealId;
    this.#api = api;
    this.#refreshMs = refreshMs;
  }

  /** Loads the figures now and keeps them fresh; returns the function that stops the refreshing. */
  start(): () => void {
    void this.refresh();
    const timer = setInterval(() => void this.refresh(), this.#refreshMs);
    return () => clearInterval(timer);
  }

  async refresh(): Promise<void> {
    try {
      this.stakeholders = await this.#api.get(this.dealId);
      this.status = 'ready';
    } catch (error) {
      const refused = error instanceof ApiError && (error.status === 404 || error.status === 403);
      // Figures already shown stay: a passing network error should not blank the view.
      if (refused || this.status !== 'ready') this.status = refused ? 'unavailable' : 'error';
    } finally {
      this.now = new Date();
    }
  }
}
