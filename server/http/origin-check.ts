import type { MiddlewareHandler } from 'hono';
import { DomainError } from './domain-error';
import type { AppEnv } from './app-env';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin this portal is served from: ORIGIN when configured, otherwise the request's Host. */
export function expectedOrigin(configured: string | undefined, host: string | undefined, secure: boolean): string | undefined {
  if (configured) return new URL(configured).origin;
  return host ? `${secure ? 'https' : 'http'}://${host}` : undefined;
}

/**
 * Refuses unsafe requests coming from another site: a browser always sends `Origin` on them, so a
 * mismatch (or `Sec-Fetch-Site: cross-site`) is a cross-site request. Clients without a browser
 * (the department's case system) send neither and are judged by their credentials alone.
 */
export function originCheck(configured: string | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const secure = c.req.header('x-forwarded-proto') === 'https' || new URL(c.req.url).protocol === 'https:';
    const expected = expectedOrigin(configured, c.req.header('host'), secure);
    const foreign = (origin !== undefined && origin !== expected) || site === 'cross-site';
    if (foreign) throw new DomainError('forbidden', 'Cross-site request refused.');
    return next();
  };
}
