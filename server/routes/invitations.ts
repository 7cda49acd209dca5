import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { invitationTokenSchema } from '../../src/lib/shared/application.schemas';
import type { AppEnv } from '../http/app-env';
import { publicBaseUrl } from '../http/base-url';
import { DomainError } from '../http/domain-error';
import { clientIp } from '../http/identity';
import { valid } from '../http/validate';
import type { Services } from '../services';

const tokenParam = z.strictObject({ token: invitationTokenSchema });
/** Tokens are 256-bit; this only slows down anyone probing. */
const probeLimit = { limit: 30, windowMs: 15 * 60_000 };

/** `/api/invitations/:token`: public, the token is the credential. Accept and decline are POSTs. */
export function invitationRoutes(s: Services, origin: string | undefined) {
  const probeKey = (c: Context<AppEnv>) => `invitation:ip:${clientIp(c) ?? 'unknown'}`;
  const throttle: MiddlewareHandler<AppEnv> = async (c, next) => {
    const key = probeKey(c);
    const wait = await s.limiter.retryAfter(key, probeLimit);
    if (wait > 0) throw new DomainError('rate_limited', 'Too many attempts. Please wait before trying again.', { retryAfterSeconds: String(wait) });
    await next();
    if (c.res.status === 404 || c.res.status === 409 || c.res.status === 422) await s.limiter.hit(key, probeLimit);
  };
  return new Hono<AppEnv>()
    .use(throttle)
    .get('/:token', valid('param', tokenParam), async (c) => {
      const found = await s.invitations.lookup(c.req.valid('param').token);
      // A token nobody was given is a guess: it counts like a failed accept.
      if (found.status === 'unknown') await s.limiter.hit(probeKey(c), probeLimit);
      return c.json(found);
    })
    .post('/:token/accept', valid('param', tokenParam), async (c) => {
      return c.json(await s.invitations.accept(c.req.valid('param').token, publicBaseUrl(c, origin), clientIp(c)));
    })
    .post('/:token/decline', valid('param', tokenParam), async (c) => {
      return c.json(await s.invitations.decline(c.req.valid('param').token, clientIp(c)));
    });
}
