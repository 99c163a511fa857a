import { ApiError } from '$lib/api/index.ts';
import {
  type CreatedGuideLink,
  type GuideLinkSummary,
  type GuideLinksApi,
  type GuideLinkTarget,
  guideLinksApi,
} from './links-api.ts';

/** Options of {@link GuideLinks}. */
export interface GuideLinksOptions {
  dealId: string;
  api?: GuideLinksApi;
  /** How often the list (views, last view) is refreshed while the page is open. */
  refreshMs?: number;
}

/** Whether two targets are the same guide. */
export function sameTarget(a: GuideLinkTarget, b: GuideLinkTarget): boolean {
  return (
    a.kind === b.kind && (a.kind === 'objections' || (b.kind === 'stakeholder' && a.stakeholderId === b.stakeholderId))
  );
}

/**
 * The deal's guide links as Svelte state: the list with views (refreshed every few seconds), the link
 * just created (its URL can be copied only now: the server keeps only the token's hash), create and revoke.
 */
export class GuideLinks {
  readonly dealId: string;
  readonly #api: GuideLinksApi;
  readonly #refreshMs: number;
  links = $state<GuideLinkSummary[]>([]);
  loaded = $state(false);
  /** What went wrong with the last request, in words for the user; null when all is well. */
  error = $state<string | null>(null);
  /** The most recent link created on this page, with its URL. */
  created = $state<(CreatedGuideLink & { target: GuideLinkTarget }) | null>(null);
  busy = $state(false);
  now = $state(new Date());

  constructor({ dealId, api = guideLinksApi(), refreshMs = 10_000 }: GuideLinksOptions) {
    this.dealId = dealId;
    this.#api = api;
    this.#refreshMs = refreshMs;
  }

  /** Loads the list now and keeps it fresh; returns the function that stops the refreshing. */
  start(): () => void {
    void this.refresh();
    const timer = setInterval(() => void this.refresh(), this.#refreshMs);
    return () => clearInterval(timer);
  }

  async refresh(): Promise<void> {
    try {
      this.links = await this.#api.list(this.dealId);
      this.now = new Date();
      this.loaded = true;
      this.error = null;
    } catch (error) {
      this.error = messageOf(error, 'The list of links could not be refreshed.');
    }
  }

  /** Links of one guide, newest first. */
  linksFor(target: GuideLinkTarget): GuideLinkSummary[] {
    return this.links.filter((link) =>
      sameTarget(
        target,
        link.kind === 'objections'
          ? { kind: 'objections' }
          : { kind: 'stakeholder', stakeholderId: link.stakeholderId ?? '' },
      ),
    );
  }

  /** Creates a link; resolves with it (and keeps it as {@link created}), or null when it failed (see {@link error}). */
  async create(target: GuideLinkTarget, expiresInDays?: number): Promise<CreatedGuideLink | null> {
    this.busy = true;
    try {
      const link = await this.#api.create(this.dealId, target, expiresInDays);
      this.created = { ...link, target };
      this.error = null;
      await this.refresh();
      return link;
    } catch (error) {
      this.error = messageOf(error, 'The link could not be created.');
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Withdraws a link at once. */
  async revoke(linkId: string): Promise<void> {
    this.busy = true;
    try {
      await this.#api.revoke(linkId);
      if (this.created?.id === linkId) this.created = null;
      this.error = null;
      await this.refresh();
    } catch (error) {
      this.error = messageOf(error, 'The link could not be withdrawn.');
    } finally {
      this.busy = false;
    }
  }
}

function messageOf(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message;
  return fallback;
}
