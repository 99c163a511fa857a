import type { ActivityItem } from '@quorum/api-schema';
import { activityApi } from './activity-api.ts';

/** How often an open room refreshes its feed (the feed is derived after each stored change, so it is not live). */
const REFRESH_MS = 20_000;

/**
 * A deal room's activity: the feed (only what the server lets this person see), their last visit and how many changes
 * others made since. `start()` records this visit, loads the feed and refreshes it while the room is open.
 */
export class ActivityRoom {
  items = $state<ActivityItem[]>([]);
  /** The visit before this one (null: the first visit). */
  lastVisitAt = $state<string | null>(null);
  sinceLastVisit = $state(0);
  loaded = $state(false);
  error = $state<string | null>(null);
  open = $state(false);
  /** The "since your last visit" summary was dismissed. */
  dismissed = $state(false);
  readonly #dealId: string;

  constructor(dealId: string) {
    this.#dealId = dealId;
  }

  /** The entries since the last visit (all of them on a first visit). */
  get sinceVisit(): ActivityItem[] {
    const since = this.lastVisitAt;
    return since ? this.items.filter((item) => item.at > since) : this.items;
  }

  /** Records the visit, loads the feed, refreshes it every 20 s; returns the cleanup. */
  start(): () => void {
    let stopped = false;
    void (async () => {
      try {
        await activityApi.visit(this.#dealId);
      } catch (error) {
        this.error = error instanceof Error ? error.message : 'Could not record your visit.';
      }
      if (!stopped) await this.refresh();
    })();
    const timer = setInterval(() => void this.refresh(), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }

  async refresh(): Promise<void> {
    try {
      const feed = await activityApi.feed(this.#dealId);
      this.items = feed.items;
      this.lastVisitAt = feed.lastVisitAt;
      this.sinceLastVisit = feed.sinceLastVisit;
      this.error = null;
    } catch (error) {
      this.error = error instanceof Error ? error.message : 'Could not load the activity.';
    } finally {
      this.loaded = true;
    }
  }

  toggle(): void {
    this.open = !this.open;
    if (this.open) void this.refresh();
  }
}
