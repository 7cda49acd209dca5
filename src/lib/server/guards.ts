import { error, redirect } from '@sveltejs/kit';
import { destination, signInPath, type Role } from '$lib/auth/destinations';
import type { PortalViewer } from '$lib/shared/portal-locals';

interface GuardEvent {
  locals: App.Locals;
  url: URL;
}

const here = (url: URL) => `${url.pathname}${url.search}`;

/** Signed in at any sign-in stage, else off to sign-in (coming back here afterwards). */
export function requireSignedIn({ locals, url }: GuardEvent): PortalViewer {
  if (!locals.viewer) redirect(303, signInPath(here(url)));
  return locals.viewer;
}

/**
 * Signed in, finished signing in (password changed, second factor for staff) and one of `roles`.
 * Otherwise: sign-in, the unfinished step, or a 403 page.
 */
export function requireRole(event: GuardEvent, roles: readonly Role[]): PortalViewer {
  const viewer = requireSignedIn(event);
  const stage = event.locals.stage;
  if (stage !== 'ready') redirect(303, stage ? destination(stage, viewer.role, here(event.url)) : signInPath(here(event.url)));
  if (!roles.includes(viewer.role)) error(403, { message: 'You do not have access to this page.', code: 'forbidden' });
  return viewer;
}
