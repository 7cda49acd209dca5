import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../server/auth/rate-limit';
import { userOfAccount } from '../../server/auth/session.service';
import { userModel } from '../../server/auth/user.model';
import { ManualClock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { ecoprModel } from '../../server/ecopr/ecopr.model';
import { EcoprService, type Ecopr } from '../../server/ecopr/ecopr.service';
import type { AppEnv } from '../../server/http/app-env';
import { DomainError } from '../../server/http/domain-error';
import { identify } from '../../server/http/identity';
import { createLogger } from '../../server/logger';
import { ecoprRoutes } from '../../server/routes/ecopr';
import { verifyRoutes } from '../../server/routes/verify';
import { createServices } from '../../server/services';
import { createApplicant } from '../fixtures/users';
import { useTestDatabase } from '../support/database';
import { pdfTextLines } from '../support/pdf-reader';

const db = useTestDatabase('ecopr');
const DAY = 24 * 60 * 60 * 1000;
const base = 'https://landing.example.ca';

const zoe = {
  caseId: 'case-zoe',
  personId: 'person-zoe',
  givenName: 'Zoë',
  familyName: 'Lefebvre-Tremblay',
  dateOfBirth: '1990-02-28',
  uci: '1234-5678',
  applicationNumber: 'e001234567',
  mailingAddress: '24 Sussex Dr, Ottawa ON K1M 1M4',
  lang: 'fr' as const,
};

/** The portal's error mapping, as `createApp` does it, for routers mounted on a bare app. */
function bareApp() {
  const app = new Hono<AppEnv>();
  app.onError((err, c) => {
    if (!(err instanceof DomainError)) throw err;
    if (err.fields?.retryAfterSeconds) c.header('Retry-After', err.fields.retryAfterSeconds);
    return c.json(err.toJSON(), err.status);
  });
  return app;
}

let clock: ManualClock;
let ecopr: EcoprService;
beforeEach(() => {
  clock = new ManualClock(new Date('2026-06-01T15:00:00Z'));
  ecopr = new EcoprService(db());
});

describe('issuing an eCOPR', () => {
  it('records the document with a new number, the date of PR in Canada and a 30-day window', async () => {
    const { ecopr: issued, created } = await ecopr.issue(zoe, new Date('2026-06-02T02:30:00Z'));
    expect(created).toBe(true);
    expect(issued._id).toMatch(/^ECOPR-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(issued).toMatchObject({ initials: 'Z. L.-T.', uci: '12345678', applicationNumber: 'E001234567', prDate: '2026-06-01' });
    expect(issued.downloadUntil.toISOString()).toBe('2026-07-02T02:30:00.000Z');
    expect(await ecopr.forCase('case-zoe')).toEqual(issued);
  });

  it('gives a case only one eCOPR, also when confirmed twice at the same moment', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => ecopr.issue(zoe, clock.now())));
    expect(new Set(results.map((r) => r.ecopr._id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await ecoprModel(db()).countDocuments({ caseId: 'case-zoe' })).toBe(1);
    expect((await ecopr.issue(zoe, clock.now())).created).toBe(false);
  });

  it('draws another number when the first is already taken', async () => {
    const numbers = ['ECOPR-2222-2222-2222', 'ECOPR-2222-2222-2222', 'ECOPR-3333-3333-3333'];
    const service = new EcoprService(db(), () => numbers.shift()!);
    await service.issue(zoe, clock.now());
    const second = await service.issue({ ...zoe, caseId: 'case-other', personId: 'person-other' }, clock.now());
    expect(second).toMatchObject({ created: true, ecopr: { _id: 'ECOPR-3333-3333-3333', caseId: 'case-other' } });
  });

  it('refuses invalid details and writes nothing', async () => {
    const attempt = ecopr.issue({ ...zoe, uci: '123', dateOfBirth: '1990-02-30' }, clock.now());
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed', fields: { uci: 'uci_format', dateOfBirth: 'date_invalid' } });
    expect(await ecoprModel(db()).countDocuments()).toBe(0);
  });
});

describe('verifying a document number', () => {
  it('confirms a genuine number with only the initials and the date of PR', async () => {
    const { ecopr: issued } = await ecopr.issue(zoe, clock.now());
    expect(await ecopr.verify(issued._id)).toStrictEqual({ genuine: true, initials: 'Z. L.-T.', prDate: '2026-06-01' });
    expect(await ecopr.verify(` ${issued._id.toLowerCase()} `)).toStrictEqual({
      genuine: true,
      initials: 'Z. L.-T.',
      prDate: '2026-06-01',
    });
  });

  it('says not genuine for an unknown or malformed number, and nothing else', async () => {
    await ecopr.issue(zoe, clock.now());
    expect(await ecopr.verify('ECOPR-2345-6789-ABCD')).toStrictEqual({ genuine: false });
    expect(await ecopr.verify('case-zoe')).toStrictEqual({ genuine: false });
    expect(await ecopr.verify('{"$ne":null}')).toStrictEqual({ genuine: false });
  });
});

describe('downloading the PDF', () => {
  it('renders the eCOPR with its number and the verification address until the 30 days are over', async () => {
    const { ecopr: issued } = await ecopr.issue(zoe, clock.now());
    const { documentNumber, bytes } = await ecopr.pdfFor('case-zoe', base, clock.now());
    expect(documentNumber).toBe(issued._id);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdfTextLines(bytes)).toEqual(expect.arrayContaining([issued._id, `${base}/verify/${issued._id}`, 'Zoë', 'Lefebvre-Tremblay']));

    clock.advance(30 * DAY - 1);
    await expect(ecopr.pdfFor('case-zoe', base, clock.now())).resolves.toMatchObject({ documentNumber: issued._id });
    clock.advance(1 + DAY);
    const expired = ecopr.pdfFor('case-zoe', base, clock.now());
    await expect(expired).rejects.toBeInstanceOf(DomainError);
    await expect(expired).rejects.toMatchObject({ code: 'conflict', fields: { reason: 'ecopr_expired' } });
    expect(await ecopr.verify(issued._id)).toMatchObject({ genuine: true });
  });

  it('is not found before PR is confirmed', async () => {
    await expect(ecopr.pdfFor('case-nobody', base, clock.now())).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('GET /api/verify/:code', () => {
  const limit = { limit: 3, windowMs: 60_000 };
  const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });

  it('answers only genuine, initials and date of PR, and limits lookups per address', async () => {
    const { ecopr: issued } = await ecopr.issue(zoe, clock.now());
    const app = bareApp().route('/api/verify', verifyRoutes({ ecopr, limiter: new RateLimiter(db(), clock), limit }));
    const lookup = (code: string, ip = '203.0.113.7') => app.request(`/api/verify/${code}`, {}, from(ip));

    const genuine = await lookup(issued._id);
    expect(genuine.status).toBe(200);
    expect(await genuine.json()).toStrictEqual({ genuine: true, initials: 'Z. L.-T.', prDate: '2026-06-01' });
    expect(await (await lookup('ECOPR-2345-6789-ABCD')).json()).toStrictEqual({ genuine: false });
    expect(await (await lookup('not-a-number')).json()).toStrictEqual({ genuine: false });

    const refused = await lookup(issued._id);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await lookup(issued._id, '198.51.100.9')).status).toBe(200);

    clock.advance(61_000);
    expect((await lookup(issued._id)).status).toBe(200);
  });
});

describe('GET /api/ecopr', () => {
  async function portal() {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'landing-ecopr-')) });
    const services = createServices({ config, logger: createLogger('silent'), db: db(), clock });
    const app = bareApp()
      .use(identify(services.sessions))
      .route(
        '/api/ecopr',
        ecoprRoutes({
          ecopr,
          auth: services.auth,
          audit: services.audit,
          clock,
          caseIdOf: (user) => services.cases.caseIdFor(user),
          origin: base,
        }),
      );
    const applicant = await createApplicant(db(), { givenName: 'Zoë', familyName: 'Lefebvre-Tremblay' });
    const signIn = async () => {
      const account = (await userModel(db()).findById(applicant.id).lean())!;
      const session = await services.sessions.create(userOfAccount(account), { mfaVerified: false, ip: null });
      return { headers: { cookie: session.cookie.split(';')[0]! }, user: (await services.sessions.validate(session.id))!.user };
    };
    return { app, services, applicant, signIn };
  }

  it('sends the signed-in applicant their own eCOPR as a private PDF attachment', async () => {
    const { app, services, applicant, signIn } = await portal();
    expect((await app.request('/api/ecopr')).status).toBe(401);
    const { headers, user } = await signIn();
    expect((await app.request('/api/ecopr', { headers })).status).toBe(404);

    const caseId = await services.cases.caseIdFor(user);
    const issued: Ecopr = (await ecopr.issue({ ...zoe, caseId, personId: applicant.personId }, clock.now())).ecopr;
    const res = await app.request('/api/ecopr', { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="eCOPR-${issued._id}.pdf"`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(pdfTextLines(bytes)).toContain(`${base}/verify/${issued._id}`);
    // Each download served is audited; a refused one (expired, below) is not a download.
    const downloads = await services.audit.list({ caseId, action: 'ecopr.downloaded' });
    expect(downloads.map((entry) => [entry.actorId, entry.target])).toEqual([[user.id, issued._id]]);

    clock.advance(31 * DAY);
    const expired = await app.request('/api/ecopr', { headers: (await signIn()).headers });
    expect(expired.status).toBe(409);
    expect(await expired.json()).toMatchObject({ code: 'conflict', fields: { reason: 'ecopr_expired' } });
    expect(await services.audit.list({ caseId, action: 'ecopr.downloaded' })).toHaveLength(1);
  });
});
