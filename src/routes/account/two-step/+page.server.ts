import { redirect } from '@sveltejs/kit';
import { destination } from '$lib/auth/destinations';
import type { PageServerLoad } from './$types';

/** Only while the second factor is due; anyone else goes where their stage says. */
export const load: PageServerLoad = async ({ locals, url, parent }) => {
  const { viewer } = await parent();
  const stage = locals.stage;
  if (stage !== 'totp_enroll' && stage !== 'totp_verify')
    redirect(303, destination(stage ?? 'ready', viewer.role, url.searchParams.get('next')));
  return { step: stage === 'totp_enroll' ? ('enrol' as const) : ('verify' as const) };
};
