import { loadArea } from '$lib/i18n/areas';
import type { PageLoad } from './$types';

/** The development mailbox shows the emails' own strings. */
export const load = (async ({ parent }) => {
  await loadArea('email', (await parent()).lang);
  return {};
}) satisfies PageLoad;
