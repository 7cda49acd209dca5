import { Hono, type MiddlewareHandler } from 'hono';
import type { RateLimit, RateLimiter } from '../auth/rate-limit';
import type { EcoprService } from '../ecopr/ecopr.service';
import type { AppEnv } from '../http/app-env';
import { clientIp } from '../http/identity';

/** Document numbers are ~59 bits; this stops anyone from walking through them. */
export const verifyLimit: RateLimit = { limit: 60, windowMs: 15 * 60_000 };

/**
 * `GET /api/verify/:code`: public check of an eCOPR document number. Answers
 * `{ genuine: true, initials, prDate }` or `{ genuine: false }` (also for a malformed number, so
 * the answer says nothing more), and counts every lookup against the caller's address.
 */
export function verifyRoutes(deps: { ecopr: EcoprService; limiter: RateLimiter; limit?: RateLimit }) {
  const rule = deps.limit ?? verifyLimit;
  const throttle: MiddlewareHandler<AppEnv> = async (c, next) => {
    const key = `verify:ip:${clientIp(c) ?? 'unknown'}`;
    await deps.limiter.attempt(key, rule, 'Too many checks. Please wait before trying again.');
    await next();
  };
  return new Hono<AppEnv>().get('/:code', throttle, async (c) => {
    const result = await deps.ecopr.verify(c.req.param('code'));
    return c.json(result.genuine ? { genuine: true, initials: result.initials, prDate: result.prDate } : { genuine: false });
  });
}
