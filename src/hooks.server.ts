import type { Handle, HandleServerError } from '@sveltejs/kit';
import { LANG_COOKIE, negotiateLang } from '$lib/i18n/lang';
import { translate } from '$lib/i18n/messages';

export const handle: Handle = async ({ event, resolve }) => {
  const lang = negotiateLang(event.cookies.get(LANG_COOKIE), event.request.headers.get('accept-language'));
  event.locals.lang = lang;
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', lang),
  });
};

/** Logs unexpected errors (the build must not swallow them) and shows a translated message. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) console.error(JSON.stringify({ level: 'error', msg: 'page error', path: event.url.pathname, err: String(error), stack: (error as Error)?.stack }));
  const lang = event.locals.lang ?? 'en';
  return { message: translate(lang, status === 404 ? 'error.notFound' : 'error.generic'), code: String(status) };
};
