import { redirect } from '@sveltejs/kit';
import { ApiError, createApi } from '$lib/api/index.ts';
import { loginUrl } from '$lib/navigation/index.ts';
import type { PageLoad } from './$types';

// The account page runs in the browser only: it talks to the API with the session cookie.
export const ssr = false;

/** The account and its mail switches; without a session the user logs in and comes back here. */
export const load: PageLoad = async ({ fetch, url }) => {
  const api = createApi({ fetch });
  try {
    const [me, preferences] = await Promise.all([api.me(), api.getMailPreferences()]);
    return { me, preferences };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirect(307, loginUrl(url.pathname));
    throw error;
  }
};
