import { redirect } from '@sveltejs/kit';
import { destination } from '$lib/auth/destinations';
import type { PageServerLoad } from './$types';

/** Someone already signed in goes on to their next step or their page. */
export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.viewer && locals.stage) redirect(303, destination(locals.stage, locals.viewer.role, url.searchParams.get('next')));
};
