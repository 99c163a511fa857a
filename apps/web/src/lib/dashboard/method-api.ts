import type { DecisionBody, GoNoGoDecisionView, Learning, SuggestedGroup } from '@quorum/api-schema';
import { apiRequest } from '$lib/api/index.ts';

/**
 * The seller's method routes of the HTTP API (issue 14): the manager's go / no-go, the organization's learning
 * from closed deals, and the buying group suggested for a deal. Every method rejects with an `ApiError`.
 */
export function createMethodApi({ fetch = globalThis.fetch }: { fetch?: typeof globalThis.fetch } = {}) {
  const request = <T>(method: 'GET' | 'PUT', path: string, body?: unknown) =>
    apiRequest<T>(method, path, { body, fetch });
  const id = (value: string) => encodeURIComponent(value);

  return {
    /** Records a manager's go or no-go with its reason (managers of the deal's organization only). */
    recordDecision: async (dealId: string, input: DecisionBody) =>
      (await request<{ decision: GoNoGoDecisionView }>('PUT', `/api/deals/${id(dealId)}/decision`, input)).decision,
    /** What the organization's closed deals say, or why there is nothing yet. */
    learning: () => request<Learning>('GET', '/api/organization/learning'),
    /** Who usually takes part in the organization's deals but is missing from this deal's map. */
    suggestedGroup: (dealId: string) => request<SuggestedGroup>('GET', `/api/deals/${id(dealId)}/suggested-group`),
  };
}

export type MethodApi = ReturnType<typeof createMethodApi>;
