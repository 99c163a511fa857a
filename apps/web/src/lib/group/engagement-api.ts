import { networkError, toApiError } from '$lib/api/index.ts';

/** How far one stakeholder has engaged with their guide link (DESIGN.md 7a). */
export interface StakeholderEngagement {
  id: string;
  name: string;
  /** Active stakeholder-guide links for this person. */
  links: number;
  /** Opens of any of their links. */
  views: number;
  lastViewedAt: string | null;
  /** Answers given through their link. */
  answers: number;
  lastAnswerAt: string | null;
}

/**
 * `GET /api/deals/:id/engagement` (DESIGN.md 7a), called the way the rest of the web app calls the API
 * (same origin, session cookie). Rejects with an `ApiError`: a 404 means the server has no such endpoint
 * (or no such deal), which {@link GroupEngagement} shows as "unavailable".
 */
export function engagementApi(fetcher: typeof fetch = (...args) => globalThis.fetch(...args)) {
  return {
    async get(dealId: string): Promise<StakeholderEngagement[]> {
      let response: Response;
      try {
        response = await fetcher(`/api/deals/${encodeURIComponent(dealId)}/engagement`, {
          credentials: 'same-origin',
          headers: { accept: 'application/json' },
        });
      } catch (cause) {
        throw networkError(cause);
      }
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined; // not JSON (a proxy's error page): the status decides below
      }
      if (!response.ok) throw toApiError(response.status, json, response.headers.get('retry-after'));
      const list = (json as { stakeholders?: unknown } | undefined)?.stakeholders;
      return Array.isArray(list) ? (list as StakeholderEngagement[]) : [];
    },
  };
}

/** The client {@link engagementApi} returns. */
export type EngagementApi = ReturnType<typeof engagementApi>;
