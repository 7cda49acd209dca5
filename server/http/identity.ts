import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { SignInStage } from '../auth/auth-types';
import type { AuthService } from '../auth/auth.service';
import type { SessionService } from '../auth/session.service';
import type { Role } from '../auth/user.model';
import type { AppEnv } from './app-env';
import { DomainError } from './domain-error';

/** Resolves the session cookie to `c.var.identity` (null when signed out). Never trusts the client. */
export function identify(sessions: SessionService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const identity = await sessions.validate(getCookie(c, sessions.cookieName));
    c.set('identity', identity);
    await next();
  };
}

/**
 * Requires a signed-in identity with one of `roles` that has finished signing in (password
 * changed, second factor for staff). `stages` lets the sign-in steps themselves through.
 */
export function requireRole(
  auth: AuthService,
  roles: readonly Role[],
  stages: readonly SignInStage[] = ['ready'],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const identity = c.var.identity;
    if (!identity) throw new DomainError('unauthenticated', 'Please sign in.');
    if (!roles.includes(identity.user.role)) throw new DomainError('forbidden', 'You do not have access to this.');
    if (!stages.includes(auth.stage(identity))) throw new DomainError('forbidden', 'Finish signing in first.');
    await next();
  };
}

/**
 * The client's address behind `trustedHops` reverse proxies: each appends the address it received
 * the request from to X-Forwarded-For, so the entry `trustedHops` from the right is what the
 * outermost trusted proxy saw. Entries further left are whatever the client sent, never trusted.
 * With no trusted proxy, or a header shorter than the chain, it is the TCP peer.
 */
export function clientAddress(peer: string | null, forwardedFor: string | undefined, trustedHops: number): string | null {
  if (trustedHops === 0 || !forwardedFor) return peer;
  const hops = forwardedFor.split(',').map((entry) => entry.trim());
  const address = hops.length >= trustedHops ? hops[hops.length - trustedHops] : undefined;
  return address && /^[0-9a-f:.]{2,45}$/i.test(address) ? address : peer;
}

/** The caller's address, as `clientAddress` found it for this request (set in app.ts). */
export function clientIp(c: Context<AppEnv>): string | null {
  return c.var.clientIp ?? c.env?.incoming?.socket?.remoteAddress ?? null;
}

/** The identity set by `identify`, for handlers behind `requireRole`. */
export function identityOf(c: Context<AppEnv>) {
  const identity = c.var.identity;
  if (!identity) throw new DomainError('unauthenticated', 'Please sign in.');
  return identity;
}
