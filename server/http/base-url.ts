import type { Context } from 'hono';
import type { AppEnv } from './app-env';

/** The public base URL for links in emails: ORIGIN when configured, else the request's own origin. */
export function publicBaseUrl(c: Context<AppEnv>, configured: string | undefined): string {
  return configured ? new URL(configured).origin : new URL(c.req.url).origin;
}
