import { ApiError } from './errors.ts';
import { apiRequest } from './request.ts';
import type {
  AcceptedInvite,
  CreateDealInput,
  Deal,
  DealDetail,
  DealStateFilter,
  DealSummary,
  DealVersion,
  DealVersionDetail,
  Invite,
  InviteInput,
  InvitePreview,
  LoginInput,
  MailPreferences,
  Me,
  Member,
  SignupInput,
  UpdateDealInput,
} from './types.ts';

/** The typed API client; every method rejects with an {@link ApiError}. */
export type Api = ReturnType<typeof createApi>;

/**
 * Creates a client for the Quorum HTTP API (DESIGN.md §5b).
 * @param options.fetch - the fetch to use; pass SvelteKit's `fetch` inside `load` functions
 * @param options.base - prefix of every path (empty: same origin)
 */
export function createApi({
  fetch = globalThis.fetch,
  base = '',
}: {
  fetch?: typeof globalThis.fetch;
  base?: string;
} = {}) {
  const request = <T>(method: string, path: string, body?: unknown) =>
    apiRequest<T>(method, path, { body, fetch, base });

  const id = (value: string) => encodeURIComponent(value);

  return {
    /** Creates an account (and a seller organization when `organization` is given) and starts a session. */
    signup: (input: SignupInput) => request<Me | Record<string, unknown>>('POST', '/api/auth/signup', input),
    /** Starts a session. */
    login: (input: LoginInput) => request<Me | Record<string, unknown>>('POST', '/api/auth/login', input),
    /** Ends the session on the server. */
    logout: () => request<unknown>('POST', '/api/auth/logout', {}),
    /** The signed-in user, or null: for logged-out pages (answers 200 either way, so no error in the console). */
    session: async () => (await request<{ account: Me | null }>('GET', '/api/auth/session')).account,
    /** The signed-in user; rejects with status 401 when there is no session. */
    me: () => request<Me>('GET', '/api/me'),
    /** Deals the caller can see in a state (default: open), each with the caller's role. */
    listDeals: async (state: DealStateFilter = 'open') =>
      (await request<{ deals: DealSummary[] }>('GET', `/api/deals?state=${state}`)).deals,
    /** Renames, closes, archives or reopens a deal (sellers only). */
    updateDeal: (dealId: string, input: UpdateDealInput) =>
      request<DealDetail>('PATCH', `/api/deals/${id(dealId)}`, input),
    /** Who is on a deal. */
    listMembers: async (dealId: string) =>
      (await request<{ members: Member[] }>('GET', `/api/deals/${id(dealId)}/members`)).members,
    /** Removes someone from a deal (sellers), or leaves it (anyone, with their own id). */
    removeMember: (dealId: string, userId: string) =>
      request<{ ok: true }>('DELETE', `/api/deals/${id(dealId)}/members/${id(userId)}`),
    /** A deal's versions, newest first. */
    listVersions: async (dealId: string) =>
      (await request<{ versions: DealVersion[] }>('GET', `/api/deals/${id(dealId)}/versions`)).versions,
    /** Saves a named version of a deal (its sellers and Mobilizer). */
    saveVersion: (dealId: string, name: string) =>
      request<DealVersion>('POST', `/api/deals/${id(dealId)}/versions`, { name }),
    /** One version with the documents the caller's side may read. */
    getVersion: (dealId: string, versionId: string) =>
      request<DealVersionDetail>('GET', `/api/deals/${id(dealId)}/versions/${id(versionId)}`),
    /** Mails a password reset link to the address, if it has an account (the answer is the same either way). */
    requestPasswordReset: (email: string) => request<{ ok: true }>('POST', '/api/auth/password-reset', { email }),
    /** Sets a new password with a reset link's token; signs in. */
    resetPassword: (token: string, password: string) =>
      request<Me>('POST', `/api/auth/password-reset/${id(token)}`, { password }),
    /** The signed-in user's mail switches. */
    getMailPreferences: () => request<MailPreferences>('GET', '/api/me/mail-preferences'),
    /** Changes some mail switches; returns them all. */
    setMailPreferences: (changes: Partial<MailPreferences>) =>
      request<MailPreferences>('PUT', '/api/me/mail-preferences', changes),
    /** Creates a deal; the caller becomes its seller. */
    createDeal: (input: CreateDealInput) => request<Deal>('POST', '/api/deals', input),
    /** Creates a deal room filled with a realistic buying group. */
    createSampleDeal: () => request<Deal>('POST', '/api/deals/sample', {}),
    /** One deal with the caller's role and its status. */
    getDeal: (dealId: string) => request<DealDetail>('GET', `/api/deals/${id(dealId)}`),
    /** Creates a single-use invite link for a mobilizer (buyer) or a seller colleague. */
    createInvite: (dealId: string, input: InviteInput) =>
      request<Invite>('POST', `/api/deals/${id(dealId)}/invites`, input),
    /** What an invite link is for, readable without a session. */
    previewInvite: (token: string) => request<InvitePreview>('GET', `/api/invites/${id(token)}`),
    /** Joins the invite's deal as the signed-in user. */
    acceptInvite: (token: string) => request<AcceptedInvite>('POST', `/api/invites/${id(token)}/accept`, {}),
  };
}

export { ApiError };
