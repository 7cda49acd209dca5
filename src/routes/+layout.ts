import { loadArea, provideArea } from '$lib/i18n/areas';
import type { LayoutLoad } from './$types';

/** The page renders once the applicant's strings are here, in this visit's language only. */
export const load = (async ({ data }) => {
  const { messages, ...rest } = data;
  if (messages) provideArea('applicant', data.lang, messages);
  else await loadArea('applicant', data.lang);
  return rest;
}) satisfies LayoutLoad;
