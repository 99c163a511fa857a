import type { CreatedGuideLink, GuideLinkSummary, GuideLinkTarget, RevokedGuideLink } from '@quorum/api-schema';
import { networkError, toApiError } from '$lib/api/index.ts';

export type {
  CreatedGuideLink,
  GuideLinkState,
  GuideLinkSummary,
  GuideLinkTarget,
  GuideLinkView,
} from '@quorum/api-schema';

async function request<T>(fetcher: typeof fetch, method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetcher(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
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
  return json as T;
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
