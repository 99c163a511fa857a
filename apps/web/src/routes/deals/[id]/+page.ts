import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

/** The room opens on its hero, the stakeholder map. */
export const load: PageLoad = ({ params }) => {
  redirect(307, `/deals/${params.id}/map`);
};
