import { redirect } from '@sveltejs/kit';
import { createApi } from '$lib/api/index.ts';
import { safeNext } from '$lib/navigation/index.ts';
import type { PageLoad } from './$types';

/** Someone already signed in goes straight on to where they were going. */
export const load: PageLoad = async ({ fetch, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  const signedIn = await createApi({ fetch })
    .session()
    .then((me) => me !== null)
    .catch(() => false);
  if (signedIn) redirect(307, next);
  return { next };
};
