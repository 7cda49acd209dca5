import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { requireRole } from '../http/identity';
import type { Services } from '../services';

/** `GET /api/help-queue`: who is waiting for a person (agents and admins; officers see help on their board). */
export function helpQueueRoutes(s: Services) {
  return new Hono<AppEnv>().use(requireRole(s.auth, ['agent', 'admin'])).get('/', async (c) => c.json(await s.help.queue()));
}
