import { loadArea } from '$lib/i18n/areas';
import type { LayoutLoad } from './$types';

/** Staff screens add the staff area's strings (the applicant's come from the root layout). */
export const load = (async ({ data, parent }) => {
  await loadArea('staff', (await parent()).lang);
  return data;
}) satisfies LayoutLoad;
