import { Hono } from 'hono';
import { z } from 'zod';
import { staffAccountBody } from '../../src/lib/shared/auth.schemas';
import type { AppEnv } from '../http/app-env';
import { identityOf, requireRole } from '../http/identity';
import { valid } from '../http/validate';
import type { Services } from '../services';

const idParam = z.strictObject({ id: z.uuid() });

/** `/api/staff-accounts`: admin only. */
export function staffAccountRoutes(s: Services) {
  return new Hono<AppEnv>()
    .use(requireRole(s.auth, ['admin']))
    .get('/', async (c) => c.json(await s.staff.list()))
    .post('/', valid('json', staffAccountBody), async (c) => {
      const created = await s.staff.create(c.req.valid('json'), identityOf(c).user);
      return c.json(created, 201);
    })
    .post('/:id/disable', valid('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      await s.staff.setDisabled(id, true, identityOf(c).user);
      s.realtime.disconnectUser(id);
      return c.body(null, 204);
    })
    .post('/:id/enable', valid('param', idParam), async (c) => {
      await s.staff.setDisabled(c.req.valid('param').id, false, identityOf(c).user);
      return c.body(null, 204);
    });
}
