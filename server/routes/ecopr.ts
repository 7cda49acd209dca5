import { Hono } from 'hono';
import type { AuditLog } from '../audit/audit.service';
import type { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../auth/auth-types';
import type { Clock } from '../clock';
import type { EcoprService } from '../ecopr/ecopr.service';
import type { AppEnv } from '../http/app-env';
import { publicBaseUrl } from '../http/base-url';
import { clientIp, identityOf, requireRole } from '../http/identity';

export interface EcoprRouteDeps {
  ecopr: EcoprService;
  auth: AuthService;
  audit: AuditLog;
  clock: Clock;
  /** The signed-in applicant's own case (wire `services.cases.caseIdFor`); never from the request. */
  caseIdOf: (user: AuthUser) => Promise<string>;
  /** The configured public origin, for the QR code's address. */
  origin: string | undefined;
}

/**
 * `GET /api/ecopr`: the signed-in applicant's own eCOPR as a PDF attachment. 404 `not_found`
 * before PR is confirmed; 409 `conflict` with `fields.reason: ecopr_expired` after 30 days.
 * Every download served is in the audit log.
 */
export function ecoprRoutes(deps: EcoprRouteDeps) {
  return new Hono<AppEnv>().get('/', requireRole(deps.auth, ['applicant']), async (c) => {
    const { user } = identityOf(c);
    const caseId = await deps.caseIdOf(user);
    const { documentNumber, bytes } = await deps.ecopr.pdfFor(caseId, publicBaseUrl(c, deps.origin), deps.clock.now());
    await deps.audit.record({
      action: 'ecopr.downloaded',
      actor: { id: user.id, role: user.role, name: user.username },
      ip: clientIp(c),
      caseId,
      target: documentNumber,
    });
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="eCOPR-${documentNumber}.pdf"`,
      'Cache-Control': 'private, no-store',
    });
  });
}
