import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** The administration area has one page so far. */
export const load: PageServerLoad = async ({ parent }) => {
  await parent();
  redirect(307, '/admin/staff');
};
