import type { Handle, HandleServerError } from '@sveltejs/kit';
import { LANG_COOKIE, negotiateLang } from '$lib/i18n/lang';
import { translate } from '$lib/i18n/messages.server';
import { PORTAL_LOCALS, type PortalLocals } from '$lib/shared/portal-locals';

const signedOut: PortalLocals = { viewer: null, stage: null, demo: false };

export const handle: Handle = async ({ event, resolve }) => {
  const lang = negotiateLang(event.cookies.get(LANG_COOKIE), event.request.headers.get('accept-language'));
  event.locals.lang = lang;
  // The Node server resolved the session before handing the request over; nothing here trusts the client.
  const portal = event.platform?.req?.[PORTAL_LOCALS] ?? signedOut;
  event.locals.viewer = portal.viewer;
  event.locals.stage = portal.stage;
  event.locals.demo = portal.demo;
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', lang),
  });
  // Pages and their data carry the viewer's own answers: never kept by a browser or a proxy.
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
  return response;
};

/** Logs unexpected errors (the build must not swallow them) and shows a translated message. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404)
    console.error(
      JSON.stringify({ level: 'error', msg: 'page error', path: event.url.pathname, err: String(error), stack: (error as Error)?.stack }),
    );
  const lang = event.locals.lang ?? 'en';
  return { message: translate(lang, status === 404 ? 'error.notFound' : 'error.generic'), code: String(status) };
};
