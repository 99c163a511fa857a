import { ApiError, createApi, type InvitePreview, type Me } from '$lib/api/index.ts';
import type { PageLoad } from './$types';

export const ssr = false;

/** What the invite is for, and who (if anyone) is signed in. A bad link is a state of the page, not a crash. */
export const load: PageLoad = async ({ fetch, params }) => {
  const api = createApi({ fetch });
  const [preview, me] = await Promise.allSettled([api.previewInvite(params.token), api.session()]);
  const problem: ApiError | null =
    preview.status === 'rejected'
      ? preview.reason instanceof ApiError
        ? preview.reason
        : new ApiError({ status: 500, code: 'server', message: 'We couldn’t read this invitation.' })
      : null;
  return {
    token: params.token,
    preview: preview.status === 'fulfilled' ? (preview.value as InvitePreview) : null,
    problem: problem ? { status: problem.status, code: problem.code, message: problem.message } : null,
    me: me.status === 'fulfilled' ? (me.value as Me | null) : null,
  };
};
