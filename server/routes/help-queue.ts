import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { identityOf, requireRole } from '../http/identity';
import type { Services } from '../services';

/**
 * `GET /api/help-queue`: who is waiting for a person (agents and admins; officers see help on their
 * board). `GET /api/help-queue/referrals`: the referrals the signed-in agent made, open or resolved.
 */
export function helpQueueRoutes(s: Services) {
  return new Hono<AppEnv>()
    .use(requireRole(s.auth, ['agent', 'admin']))
    .get('/', async (c) => c.json(await s.help.queue()))
    .get('/referrals', async (c) => c.json(await s.help.referrals(identityOf(c).user)));
}
