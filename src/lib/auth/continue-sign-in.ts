import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { SignInStage } from '$lib/shared/portal-locals';
import { destination, type Role } from './destinations';

/**
 * After a sign-in step succeeds (password, new password, second factor): on to the next step,
 * else to the `next` the page was opened with, else to the role's home, with every page's data
 * read again for the new session.
 */
export function continueSignIn(stage: SignInStage, role: Role): Promise<void> {
  // eslint-disable-next-line svelte/no-navigation-without-resolve -- a path built at run time from `next`: destination() lets through only same-origin paths (safeNext), and the portal is served at the root (no paths.base), so there is nothing for resolve() to add
  return goto(destination(stage, role, page.url.searchParams.get('next')), { invalidateAll: true });
}
