import { redirect } from '@sveltejs/kit';
import { ApiError, createApi } from '$lib/api/index.ts';
import { loginUrl } from '$lib/navigation/index.ts';
import type { PageLoad } from './$types';

// The account page runs in the browser only: it talks to the API with the session cookie.
export const ssr = false;

/** The account page needs a session; without one the user logs in and comes back here. */
export const load: PageLoad = async ({ fetch, url }) => {
  try {
    return { me: await createApi({ fetch }).me() };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirect(307, loginUrl(url.pathname + url.search));
    throw error;
  }
};
