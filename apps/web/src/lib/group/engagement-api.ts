import { apiRequest } from '$lib/api/index.ts';

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
      const json = await apiRequest<{ stakeholders?: unknown } | undefined>(
        'GET',
        `/api/deals/${encodeURIComponent(dealId)}/engagement`,
        { fetch: fetcher },
      );
      return Array.isArray(json?.stakeholders) ? (json.stakeholders as StakeholderEngagement[]) : [];
    },
  };
}

/** The client {@link engagementApi} returns. */
export type EngagementApi = ReturnType<typeof engagementApi>;
