import { Hono } from 'hono';
import { z } from 'zod';
import { bodyLimit } from 'hono/body-limit';
import { importBody, importJobParam, MAX_IMPORT_BYTES } from '../../src/lib/shared/application-import';
import { registerApplicationBody } from '../../src/lib/shared/application.schemas';
import { DomainError } from '../http/domain-error';
import type { AppEnv } from '../http/app-env';
import { publicBaseUrl } from '../http/base-url';
import { clientIp, identityOf, requireRole } from '../http/identity';
import { valid } from '../http/validate';
import type { Services } from '../services';

const idParam = z.strictObject({ id: z.uuid() });
const listQuery = z.strictObject({ search: z.string().max(100).optional() });

/**
 * `/api/applications/import`: a CSV file of applications (officers and admins). Mounted before the
 * API's JSON size limit with its own, since 5,000 rows are larger than any typed request.
 */
export function applicationImportRoutes(s: Services, origin: string | undefined) {
  return new Hono<AppEnv>()
    .use(requireRole(s.auth, ['officer', 'admin']))
    .use(
      bodyLimit({
        maxSize: MAX_IMPORT_BYTES + 64 * 1024,
        onError: () => {
          throw new DomainError('payload_too_large', 'The file is too large.');
        },
      }),
    )
    .post('/', valid('json', importBody), async (c) =>
      c.json(await s.applicationImport.start(c.req.valid('json').csv, identityOf(c).user, publicBaseUrl(c, origin), clientIp(c)), 202),
    )
    .get('/:id', valid('param', importJobParam), async (c) =>
      c.json(await s.applicationImport.get(c.req.valid('param').id, identityOf(c).user)),
    );
}

/** `/api/applications` and `/api/people/:id/invitation/*`: officers and admins. */
export function applicationRoutes(s: Services, origin: string | undefined) {
  const officer = requireRole(s.auth, ['officer', 'admin']);
  const applications = new Hono<AppEnv>()
    .use(officer)
    .get('/', valid('query', listQuery), async (c) => c.json(await s.applications.list(c.req.valid('query').search)))
    .post('/', valid('json', registerApplicationBody), async (c) => {
      const created = await s.applications.register(c.req.valid('json'), identityOf(c).user, publicBaseUrl(c, origin), clientIp(c));
      return c.json(created, 201);
    })
    .get('/:id', valid('param', idParam), async (c) => c.json(await s.applications.get(c.req.valid('param').id)));

  const people = new Hono<AppEnv>()
    .use(officer)
    .post('/:id/invitation/resend', valid('param', idParam), async (c) => {
      await s.invitations.send(c.req.valid('param').id, publicBaseUrl(c, origin), identityOf(c).user, clientIp(c));
      return c.body(null, 204);
    })
    .post('/:id/invitation/revoke', valid('param', idParam), async (c) => {
      await s.invitations.revoke(c.req.valid('param').id, identityOf(c).user, clientIp(c));
      return c.body(null, 204);
    });

  return { applications, people };
}
