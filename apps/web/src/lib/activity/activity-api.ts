import type { ActivityFeed, CommitmentLog, DealVisit } from '@quorum/api-schema';
import { apiRequest } from '$lib/api/index.ts';

const enc = encodeURIComponent;

/** The activity endpoints (issue 13); each rejects with an `ApiError`. */
export const activityApi = {
  feed: (dealId: string, { since, limit = 50 }: { since?: string; limit?: number } = {}) =>
    apiRequest<ActivityFeed>(
      'GET',
      `/api/deals/${enc(dealId)}/activity?limit=${limit}${since ? `&since=${enc(since)}` : ''}`,
    ),
  visit: (dealId: string) => apiRequest<DealVisit>('POST', `/api/deals/${enc(dealId)}/visit`),
  commitments: async (dealId: string) =>
    (await apiRequest<CommitmentLog>('GET', `/api/deals/${enc(dealId)}/commitments`)).commitments,
};
