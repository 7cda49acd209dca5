import { applicantMessages } from '$lib/i18n/messages.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, isDataRequest }) => ({
  lang: locals.lang,
  viewer: locals.viewer,
  stage: locals.stage,
  demo: locals.demo,
  // A page rendered here carries the applicant's strings in its language: the browser needs no
  // second request before it can show anything. Later navigations already have them.
  messages: isDataRequest ? null : applicantMessages(locals.lang),
});
