import { loadArea } from '$lib/i18n/areas';
import type { PageLoad } from './$types';

/** The invitation page's own strings, in this visit's language. */
export const load = (async ({ parent }) => {
  await loadArea('invitation', (await parent()).lang);
  return {};
}) satisfies PageLoad;
