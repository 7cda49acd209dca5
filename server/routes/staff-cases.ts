import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { staffEventSchema } from '../../src/lib/shared/landing/events';
import { caseFlags, photoRejectionReasons } from '../../src/lib/shared/landing/steps';
import type { AppEnv } from '../http/app-env';
import { publicBaseUrl } from '../http/base-url';
import { clientIp, identityOf, requireRole } from '../http/identity';
import { valid } from '../http/validate';
import type { Services } from '../services';

const idParam = z.strictObject({ id: z.string().regex(/^case-[0-9a-f-]{36}$/, 'case_id_invalid') });
const rejectBody = z
  .strictObject({ reason: z.enum(photoRejectionReasons), note: z.string().trim().max(500).optional() })
  .refine((b) => b.reason !== 'other' || Boolean(b.note), { message: 'note_required', path: ['note'] });
/** Bulk confirm: the cases the officer chose (at most one board page). */
const confirmManyBody = z.strictObject({ caseIds: z.array(idParam.shape.id).min(1, 'required').max(50, 'too_many') });
const resolveBody = z.strictObject({ flag: z.enum(caseFlags), note: z.string().trim().min(1, 'note_required').max(1000) });

/** `/api/staff/cases/:id`: an officer's review of one case (officers and admins). */
export function staffCaseRoutes(s: Services, origin?: string) {
  const ctx = (c: Context<AppEnv>) => ({ officer: identityOf(c).user, ip: clientIp(c) });
  return new Hono<AppEnv>()
    .use(requireRole(s.auth, ['officer', 'admin']))
    .post('/confirm-many', valid('json', confirmManyBody), async (c) => {
      const { officer, ip } = ctx(c);
      return c.json(await s.staffCases.confirmMany(c.req.valid('json').caseIds, officer, ip, publicBaseUrl(c, origin)));
    })
    .get('/:id', valid('param', idParam), async (c) =>
      c.json(await s.staffCases.detail(c.req.valid('param').id, identityOf(c).user, clientIp(c))),
    )
    .post('/:id/photo/approve', valid('param', idParam), async (c) => {
      const { officer, ip } = ctx(c);
      return c.json(await s.staffCases.decide(c.req.valid('param').id, officer, { type: 'PHOTO_APPROVED' }, ip));
    })
    .post('/:id/photo/reject', valid('param', idParam), valid('json', rejectBody), async (c) => {
      const { officer, ip } = ctx(c);
      const event = staffEventSchema.parse({ type: 'PHOTO_REJECTED', ...c.req.valid('json') });
      return c.json(await s.staffCases.decide(c.req.valid('param').id, officer, event, ip));
    })
    .post('/:id/flags/resolve', valid('param', idParam), valid('json', resolveBody), async (c) => {
      const { officer, ip } = ctx(c);
      return c.json(await s.staffCases.decide(c.req.valid('param').id, officer, { type: 'FLAG_RESOLVED', ...c.req.valid('json') }, ip));
    })
    .post('/:id/confirm', valid('param', idParam), async (c) => {
      const { officer, ip } = ctx(c);
      return c.json(await s.staffCases.confirm(c.req.valid('param').id, officer, ip, publicBaseUrl(c, origin)));
    });
}
