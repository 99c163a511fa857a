import { redirect } from '@sveltejs/kit';
import { ApiError, createApi } from '$lib/api/index.ts';
import { loginUrl } from '$lib/navigation/index.ts';
import { rememberedMe, rememberMe } from '$lib/offline/index.ts';
import type { LayoutLoad } from './$types';

// The app runs in the browser only: it talks to the API (and the sync websocket) with the session cookie.
export const ssr = false;

/**
 * Every page under /deals needs a session; without one the user logs in and comes back here. Offline (the
 * server cannot be reached), the user last signed in on this device opens what this device kept for them.
 */
export const load: LayoutLoad = async ({ fetch, url }) => {
  try {
    const me = await createApi({ fetch }).me();
    rememberMe(me);
    return { me, offline: false };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirect(307, loginUrl(url.pathname + url.search));
    const kept = error instanceof ApiError && error.code === 'network' ? rememberedMe() : null;
    if (kept) return { me: kept, offline: true };
    throw error;
  }
};
