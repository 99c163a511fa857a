import { redirect } from '@sveltejs/kit';
import { ApiError, createApi } from '$lib/api/index.ts';
import { loginUrl } from '$lib/navigation/index.ts';
import { createWebhooksApi } from '$lib/webhooks/webhooks-api.ts';
import type { PageLoad } from './$types';

// Runs in the browser only: it talks to the API with the session cookie.
export const ssr = false;

/** The organization's webhooks; without a session the user logs in and comes back here. */
export const load: PageLoad = async ({ fetch, url }) => {
  try {
    const me = await createApi({ fetch }).me();
    if (me.orgRole !== 'manager') return { me, webhooks: null };
    return { me, webhooks: await createWebhooksApi(fetch).list() };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirect(307, loginUrl(url.pathname + url.search));
    throw error;
  }
};
