import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectMongoose } from '../../server/db/database';
import { freePort } from '../../server/db/free-port';
import { createApplicant, createUser, type TestUser } from '../fixtures/users';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { printFigures } from './support/figures';
import { sendRaw, type RawResponse } from './support/hostile-http';

/**
 * Security headers of the built app as a user starts it: pages (SvelteKit's hashed CSP) and the API,
 * in development and in production mode (HSTS, Secure cookie, no dev mailbox). The production process
 * runs with the required environment: ORIGIN, MONGODB_URI of the test FerretDB, and a Resend key that
 * is never used (nothing is sent).
 */
let dev: AppProcess | undefined;
let prod: AppProcess | undefined;
let prodUrl = '';
let applicant: TestUser;
let officer: TestUser;

beforeAll(async () => {
  const db = await connectMongoose(inject('mongoUri'), 'resilience_production');
  await db.dropDatabase();
  applicant = await createApplicant(db);
  officer = await createUser(db, 'officer');
  await db.close();
  const port = await freePort();
  // Both start at once; whichever starts is stopped in afterAll even if the other fails.
  const started = await Promise.allSettled([
    startAppProcess({ DEMO_PASSWORD: 'demo passphrase for header tests', LOG_LEVEL: 'warn' }).then((p) => (dev = p)),
    startAppProcess({
      NODE_ENV: 'production',
      PORT: String(port),
      // app-process.ts waits for an http:// URL in the start line; the scheme changes nothing asserted here.
      ORIGIN: 'http://landing.example.test',
      MONGODB_URI: `${inject('mongoUri').replace(/\/$/, '')}/resilience_production`,
      RESEND_API_KEY: 're_test_never_used',
      LOG_LEVEL: 'warn',
    }).then((p) => (prod = p)),
  ]);
  for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
  prodUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await Promise.all([dev?.stop(), prod?.stop()]);
});

const get = (base: string, path: string) => sendRaw(base, { method: 'GET', path });
const header = (res: RawResponse, name: string) => String(res.headers[name] ?? '');

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectCommonHeaders(res: RawResponse, what: string) {
  expect(header(res, 'x-content-type-options'), what).toBe('nosniff');
  expect(header(res, 'referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(header(res, 'x-frame-options'), what).toBe('DENY');
  expect(directives(header(res, 'content-security-policy')).get('frame-ancestors'), what).toEqual(["'none'"]);
}

describe('pages', () => {
  it('carry a hashed CSP (scripts from self and hashes only), frame-ancestors none, nosniff and a referrer policy', async () => {
    let hashes = 0;
    for (const path of ['/', '/signin', '/verify', '/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/no-such-page']) {
      const res = await get(dev!.url, path);
      expect(res.status, path).toBeLessThan(500);
      expectCommonHeaders(res, path);
      const csp = directives(header(res, 'content-security-policy'));
      const scripts = csp.get('script-src') ?? [];
      expect(scripts, path).toContain("'self'");
      expect(
        scripts.every((s) => s === "'self'" || /^'sha256-[A-Za-z0-9+/=]+'$/.test(s)),
        `${path}: ${scripts.join(' ')}`,
      ).toBe(true);
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      expect(header(res, 'strict-transport-security'), path).toBe('');
      hashes += scripts.length - 1;
    }
    printFigures('security-headers pages', { pages: 5, scriptHashes: hashes, unsafeInlineScripts: 0 });
  });
});

describe('API responses', () => {
  it('carry the same headers, a deny-all CSP and no-store, on success and on every kind of refusal', async () => {
    const cases: [string, () => Promise<RawResponse>][] = [
      ['200', () => get(dev!.url, '/api/health')],
      ['401', () => get(dev!.url, '/api/auth/me')],
      ['404', () => get(dev!.url, '/api/nope')],
      [
        '422',
        () =>
          sendRaw(dev!.url, {
            method: 'POST',
            path: '/api/auth/login',
            headers: { 'content-type': 'application/json' },
            body: Buffer.from('{}'),
          }),
      ],
      [
        '413',
        () =>
          sendRaw(dev!.url, {
            method: 'POST',
            path: '/api/auth/login',
            headers: { 'content-type': 'application/json' },
            body: Buffer.alloc(300_000, 0x20),
          }),
      ],
      ['403', () => sendRaw(dev!.url, { method: 'POST', path: '/api/auth/logout', headers: { origin: 'https://evil.example' } })],
    ];
    for (const [status, send] of cases) {
      const res = await send();
      expect(String(res.status)).toBe(status);
      expectCommonHeaders(res, status);
      expect(header(res, 'content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(header(res, 'cache-control')).toBe('no-store');
      expect(header(res, 'strict-transport-security')).toBe('');
    }
  });
});

/** Signs `user` in on the production-mode process (as the site itself: ORIGIN) and returns its Set-Cookie. */
async function signIn(user: TestUser): Promise<string> {
  const body = Buffer.from(JSON.stringify({ username: user.username, password: user.password }));
  const login = await sendRaw(prodUrl, {
    method: 'POST',
    path: '/api/auth/login',
    headers: { 'content-type': 'application/json', origin: 'http://landing.example.test' },
    body,
  });
  expect(login.status).toBe(200);
  return String(login.headers['set-cookie']);
}

describe('production mode', () => {
  it('adds HSTS to pages and API, marks the session cookie Secure and HttpOnly, and has no dev mailbox', async () => {
    for (const path of ['/api/health', '/signin', '/api/nope']) {
      const res = await get(prodUrl, path);
      expect(header(res, 'strict-transport-security'), path).toBe('max-age=63072000; includeSubDomains');
      expectCommonHeaders(res, path);
    }
    expect((await get(prodUrl, '/api/dev/mailbox')).status).toBe(404);
    const cookie = await signIn(applicant);
    expect(cookie).toMatch(/lp_session=[a-z0-9]+;.*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    // The Host header cannot move the origin: a request naming another host is still judged against ORIGIN.
    const spoofed = await sendRaw(prodUrl, {
      method: 'POST',
      path: '/api/auth/logout',
      headers: { host: 'evil.example', origin: 'http://evil.example' },
    });
    expect(spoofed.status).toBe(403);
  });
});

describe('Socket.IO long-polling', () => {
  it('carries the API headers on the handshake, on a poll and on engine.io’s own refusals', async () => {
    for (const base of [dev!.url, prodUrl]) {
      const handshake = await get(base, '/socket.io/?EIO=4&transport=polling');
      expect(handshake.status).toBe(200);
      const sid = /"sid":"([^"]+)"/.exec(handshake.text)?.[1];
      expect(sid).toBeTruthy();
      const refused = await get(base, '/socket.io/?EIO=4&transport=carrier-pigeon');
      expect(refused.status).toBe(400);
      const unknownSession = await get(base, '/socket.io/?EIO=4&transport=polling&sid=nope');
      expect(unknownSession.status).toBe(400);
      for (const [what, res] of [
        ['handshake', handshake],
        ['refusal', refused],
        ['unknown session', unknownSession],
      ] as const) {
        expectCommonHeaders(res, `${base} ${what}`);
        expect(header(res, 'content-security-policy'), what).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(header(res, 'cache-control'), what).toBe('no-store');
        expect(header(res, 'strict-transport-security'), what).toBe(base === prodUrl ? 'max-age=63072000; includeSubDomains' : '');
      }
    }
  });
});

describe('the session cookie and redirects after sign-in', () => {
  it('lives as long as the session can: 7 days for applicants, 12 hours for staff', async () => {
    expect(await signIn(applicant)).toMatch(/Max-Age=604800(;|$)/);
    expect(await signIn(officer)).toMatch(/Max-Age=43200(;|$)/);
  });

  it('sends a signed-in person only to paths on this site, following the real 303 Location', async () => {
    const cookie = (await signIn(applicant)).split(';')[0]!;
    const tricks = [
      '/.//evil.example/x',
      '/..//evil.example/x',
      '/%2e//evil.example/x',
      '/%2E%2E//evil.example',
      '/\\evil.example',
      '/%5cevil.example',
      '/%2F%2Fevil.example',
      '/%09/evil.example',
    ];
    for (const page of ['/signin', '/account/two-step']) {
      for (const next of tricks) {
        const res = await sendRaw(prodUrl, { method: 'GET', path: `${page}?next=${encodeURIComponent(next)}`, headers: { cookie } });
        expect(res.status, `${page} ${next}`).toBe(303);
        const location = String(res.headers.location);
        expect(location, `${page} ${next}`).toMatch(/^\/(?![/\\])/);
        expect(new URL(location, prodUrl).origin, `${page} ${next} -> ${location}`).toBe(prodUrl);
        const followed = await sendRaw(prodUrl, { method: 'GET', path: location, headers: { cookie } });
        expect(followed.status, location).toBeLessThan(400);
      }
    }
  });
});
