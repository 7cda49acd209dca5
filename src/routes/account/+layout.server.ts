import { requireSignedIn } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

/** The sign-in steps: any signed-in person, whatever stage they are at. */
export const load: LayoutServerLoad = (event) => ({ viewer: requireSignedIn(event) });
