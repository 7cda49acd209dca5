import type { Pathname, ResolvedPathname } from '$app/types';
import type { PortalViewer, SignInStage } from '$lib/shared/portal-locals';

export type Role = PortalViewer['role'];

/**
 * Each role's home page. The portal is served at the root (server/ mounts SvelteKit at `/`, no
 * `paths.base`), so a page's path is already its resolved link; the types check that the pages exist.
 */
const homes: Record<Role, ResolvedPathname> = {
  applicant: '/conversation',
  officer: '/staff',
  agent: '/agent',
  admin: '/admin/staff',
};

const stagePages: Record<Exclude<SignInStage, 'ready'>, Pathname> = {
  change_password: '/account/password',
  totp_enroll: '/account/two-step',
  totp_verify: '/account/two-step',
};

/** Where a person lands after signing in when nothing else was asked for. */
export function homeFor(role: Role): ResolvedPathname {
  return homes[role];
}

const BASE = 'http://portal.invalid';

/** Backslashes and control characters (C0, DEL and C1): never in a `next`... */
const UNSAFE = /[\\\p{Cc}]/u;
/** ...nor, in its path, their percent-encoded forms or an encoded slash. */
const UNSAFE_ENCODED = /%(?:2f|5c|[01][0-9a-f]|7f)/i;

/**
 * A `next` value we may send the browser to: a path on this site only (never `//host`, `\`,
 * another scheme or control characters), and never back to sign-in or the JSON API. The checks
 * run on the NORMALISED path, the one we would answer with: `/.//evil.example`, `/..//x` and
 * `/%2e//x` all normalise to `//…`, which a browser reads as another host.
 */
export function safeNext(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || UNSAFE.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== BASE || !path.startsWith('/') || path.startsWith('//') || UNSAFE.test(path) || UNSAFE_ENCODED.test(url.pathname))
    return null;
  if (url.pathname === '/signin' || url.pathname === '/api' || url.pathname.startsWith('/api/')) return null;
  return path;
}

function withNext(path: string, next: string | null | undefined): string {
  const safe = safeNext(next);
  return safe ? `${path}?next=${encodeURIComponent(safe)}` : path;
}

/** The sign-in page, coming back to `next` afterwards. */
export function signInPath(next?: string | null): string {
  return withNext('/signin', next);
}

/** Where to go once a sign-in step is done: the next step, else `next`, else the role's home. */
export function destination(stage: SignInStage, role: Role, next?: string | null): string {
  if (stage !== 'ready') return withNext(stagePages[stage], next);
  return safeNext(next) ?? homeFor(role);
}
