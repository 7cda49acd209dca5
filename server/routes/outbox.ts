import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { clientIp, identityOf, requireRole } from '../http/identity';
import { valid } from '../http/validate';
import type { Services } from '../services';

const idParam = z.strictObject({ id: z.string().regex(/^[a-f0-9]{24}$/, 'id_invalid') });

/** `/api/outbox`: emails that could not be delivered, for officers to see and send again. Never the bodies. */
export function outboxRoutes(s: Services) {
  return new Hono<AppEnv>()
    .use(requireRole(s.auth, ['officer', 'admin']))
    .get('/failed', async (c) => c.json(await s.outbox.listFailed()))
    .post('/:id/retry', valid('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      await s.outbox.retryFailed(id);
      const user = identityOf(c).user;
      await s.audit.record({
        action: 'email.retried',
        actor: { id: user.id, role: user.role, name: user.username },
        ip: clientIp(c),
        target: id,
      });
      return c.body(null, 204);
    });
}
