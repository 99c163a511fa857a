import { type Api, ApiError, type Deal, type DealStateFilter, type DealSummary } from '../api/index.ts';

/** The caller's deals as the "My deals" page shows them, with loading and error states. */
export class DealList {
  deals: DealSummary[] = $state([]);
  loading = $state(true);
  error: string | null = $state(null);
  creatingSample = $state(false);
  /** Which deals to list by their life (default: open). */
  state: DealStateFilter = $state('open');
  /** No deal at all (the onboarding state): nothing open, when open deals are shown. */
  readonly isEmpty = $derived(!this.loading && !this.error && this.deals.length === 0 && this.state === 'open');
  /** Deals sorted by title, so rows don't jump around between loads. */
  readonly sorted = $derived([...this.deals].sort((a, b) => a.title.localeCompare(b.title)));

  readonly #api: Api;

  constructor({ api }: { api: Api }) {
    this.#api = api;
  }

  /** Loads (or reloads) the list in `state`; a failure keeps the last list and sets `error`. */
  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    const state = this.state;
    try {
      const deals = await this.#api.listDeals(state);
      if (state === this.state) this.deals = deals;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : 'We couldn’t load your deals.';
    } finally {
      this.loading = false;
    }
  }

  /** Creates the sample deal room; resolves to the new deal, or null when it failed (`error` says why). */
  async createSample(): Promise<Deal | null> {
    if (this.creatingSample) return null;
    this.creatingSample = true;
    this.error = null;
    try {
      return await this.#api.createSampleDeal();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : 'We couldn’t create the sample deal room.';
      return null;
    } finally {
      this.creatingSample = false;
    }
  }
}
