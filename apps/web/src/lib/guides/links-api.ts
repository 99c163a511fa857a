import type { CreatedGuideLink, GuideLinkSummary, GuideLinkTarget, RevokedGuideLink } from '@quorum/api-schema';
import { apiRequest } from '$lib/api/index.ts';

export type {
  CreatedGuideLink,
  GuideLinkState,
  GuideLinkSummary,
  GuideLinkTarget,
  GuideLinkView,
} from '@quorum/api-schema';

function request<T>(fetcher: typeof fetch, method: string, path: string, body?: unknown): Promise<T> {
  return apiRequest<T>(method, path, { body, fetch: fetcher });
}

/** The guide link endpoints of DESIGN.md section 5b; every call rejects with an `ApiError`. */
export function guideLinksApi(fetcher: typeof fetch = (...args) => globalThis.fetch(...args)) {
  const id = encodeURIComponent;
  return {
    /** Creates a link to one stakeholder's guide or to the objection guide; `expiresInDays` omitted: until revoked. */
    create(dealId: string, target: GuideLinkTarget, expiresInDays?: number): Promise<CreatedGuideLink> {
      const path =
        target.kind === 'stakeholder'
          ? `/api/deals/${id(dealId)}/guides/${id(target.stakeholderId)}/links`
          : `/api/deals/${id(dealId)}/objection-guide/links`;
      return request(fetcher, 'POST', path, expiresInDays === undefined ? {} : { expiresInDays });
    },
    /** Every link of the deal with its views, newest first. */
    async list(dealId: string): Promise<GuideLinkSummary[]> {
      return (await request<{ links: GuideLinkSummary[] }>(fetcher, 'GET', `/api/deals/${id(dealId)}/links`)).links;
    },
    /** Withdraws a link at once. */
    revoke(linkId: string): Promise<RevokedGuideLink> {
      return request(fetcher, 'DELETE', `/api/guide-links/${id(linkId)}`);
    },
  };
}

/** The client {@link guideLinksApi} returns. */
export type GuideLinksApi = ReturnType<typeof guideLinksApi>;
