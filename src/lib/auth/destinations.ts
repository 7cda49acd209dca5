import type { PortalViewer, SignInStage } from '$lib/shared/portal-locals';

export type Role = PortalViewer['role'];

const homes: Record<Role, string> = {
  applicant: '/conversation',
  officer: '/staff',
  agent: '/agent',
  admin: '/admin/staff',
};

const stagePages: Record<Exclude<SignInStage, 'ready'>, string> = {
  change_password: '/account/password',
  totp_enroll: '/account/two-step',
  totp_verify: '/account/two-step',
};

/** Where a person lands after signing in when nothing else was asked for. */
export function homeFor(role: Role): string {
  return homes[role];
}

const BASE = 'http://portal.invalid';

/**
 * A `next` value we may send the browser to: a path on this site only (never `//host`, `\`,
 * another scheme or control characters), and never back to sign-in or the JSON API.
 */
export function safeNext(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE || url.pathname === '/signin' || url.pathname.startsWith('/api/')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
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
