import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { invitationTokenSchema } from '../../src/lib/shared/application.schemas';
import type { AppEnv } from '../http/app-env';
import { publicBaseUrl } from '../http/base-url';
import { clientIp } from '../http/identity';
import { valid } from '../http/validate';
import type { Services } from '../services';

const tokenParam = z.strictObject({ token: invitationTokenSchema });
/** Tokens are 256-bit; this only slows down anyone probing. */
const probeLimit = { limit: 30, windowMs: 15 * 60_000 };

/** `/api/invitations/:token`: public, the token is the credential. Accept and decline are POSTs. */
export function invitationRoutes(s: Services, origin: string | undefined) {
  /**
   * Every request takes a slot before it runs (so a burst of guesses is bounded), and gives it back
   * when it turned out not to be a guess: a token that exists and could be used.
   */
  const throttle: MiddlewareHandler<AppEnv> = async (c, next) => {
    const attempt = await s.limiter.attempt(`invitation:ip:${clientIp(c) ?? 'unknown'}`, probeLimit);
    await next();
    const guessed = c.res.status === 404 || c.res.status === 409 || c.res.status === 422 || c.get('invitationUnknown') === true;
    if (!guessed) attempt.release();
  };
  return new Hono<AppEnv>()
    .use(throttle)
    .get('/:token', valid('param', tokenParam), async (c) => {
      const found = await s.invitations.lookup(c.req.valid('param').token);
      // A token nobody was given is a guess: it counts like a failed accept.
      if (found.status === 'unknown') c.set('invitationUnknown', true);
      return c.json(found);
    })
    .post('/:token/accept', valid('param', tokenParam), async (c) => {
      return c.json(await s.invitations.accept(c.req.valid('param').token, publicBaseUrl(c, origin), clientIp(c)));
    })
    .post('/:token/decline', valid('param', tokenParam), async (c) => {
      return c.json(await s.invitations.decline(c.req.valid('param').token, clientIp(c)));
    });
}
