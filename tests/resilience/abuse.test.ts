import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApplicant, createUser, signIn, TEST_PASSWORD, type TestUser } from '../fixtures/users';
import { familyApplication, tokenFromLink } from '../fixtures/applications';
import { ConversationClient } from '../support/conversation-client';
import { HttpSession } from '../support/http-session';
import { useTestPortal } from '../support/portal';
import { routePath, unsafeRoutes } from './support/api-routes';
import { differences, fingerprint } from './support/db-fingerprint';
import { printFigures } from './support/figures';
import { sendRaw } from './support/hostile-http';
import { answersBeforePhoto, answersFromPhoto } from './support/landing-script';

/**
 * Abuse of a running portal: guessing passwords and invitation tokens, enumerating users, planting
 * and replaying session cookies, cross-site requests, and reading other people's files. Each probe
 * comes from its own loopback address (127.0.0.x), as separate attackers would.
 */
const t = useTestPortal('resilience-abuse', { resetEachTest: false });
const validPhoto = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));
const login = (username: string, password: string, from: string, cookie?: string) =>
  sendRaw(t.url(), {
    method: 'POST',
    path: '/api/auth/login',
    localAddress: from,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: Buffer.from(JSON.stringify({ username, password })),
  });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const randomToken = () => randomBytes(32).toString('base64url');

let officer: HttpSession;
beforeAll(async () => {
  officer = await signIn(t.url(), await createUser(t.db(), 'officer'), t.clock);
});

describe('sign-in', () => {
  it('stops brute force on one account with 429 and Retry-After, even for the right password', async () => {
    const user = await createUser(t.db(), 'applicant');
    for (let i = 0; i < 10; i++) expect((await login(user.username, `guess-${i}`, '127.0.0.10')).status).toBe(401);
    const refused = await login(user.username, TEST_PASSWORD, '127.0.0.11');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(refused.text)).toMatchObject({ code: 'rate_limited' });
  });

  it('says nothing about which usernames exist: same answer, and the same time within noise', async () => {
    const ROUNDS = 30;
    const accounts: TestUser[] = [];
    for (let i = 0; i < 5; i++) accounts.push(await createUser(t.db(), 'applicant'));
    const timings = { unknown: [] as number[], wrong: [] as number[] };
    const bodies = new Set<string>();
    for (let round = -4; round < ROUNDS; round++) {
      const from = `127.0.1.${10 + Math.floor((round + 4) / 10)}`; // under the per-address limit
      for (const kind of round % 2 ? (['unknown', 'wrong'] as const) : (['wrong', 'unknown'] as const)) {
        const username =
          kind === 'unknown' ? `nobody-${randomToken().slice(0, 10).toLowerCase()}` : accounts[(round + 4) % accounts.length]!.username;
        const started = performance.now();
        const res = await login(username, 'not the right password', from);
        const ms = performance.now() - started;
        expect(res.status, `${kind} from ${from}`).toBe(401);
        bodies.add(res.text);
        if (round >= 0) timings[kind].push(ms); // the first rounds warm up the hash and the connection
      }
    }
    expect(bodies.size).toBe(1);
    const [unknown, wrong] = [median(timings.unknown), median(timings.wrong)];
    printFigures('abuse sign-in timing', { unknownMedianMs: unknown.toFixed(1), wrongPasswordMedianMs: wrong.toFixed(1), rounds: ROUNDS });
    expect(Math.abs(unknown - wrong) / Math.max(unknown, wrong)).toBeLessThan(0.4);
  });

  it('never adopts a cookie planted before sign-in, nor keeps the previous session', async () => {
    const user = await createApplicant(t.db());
    const planted = `lp_session=${'p'.repeat(40)}`;
    const res = await login(user.username, user.password, '127.0.0.12', planted);
    const issued = String(res.headers['set-cookie']).match(/lp_session=([a-z0-9]+)/)![1]!;
    expect(issued).not.toBe('p'.repeat(40));
    expect((await sendRaw(t.url(), { method: 'GET', path: '/api/auth/me', headers: { cookie: planted } })).status).toBe(401);
    // An attacker's own valid session, planted in the victim's browser, ends when the victim signs in.
    const attacker = await createApplicant(t.db(), { givenName: 'Eve' });
    const attackerCookie = `lp_session=${String((await login(attacker.username, attacker.password, '127.0.0.12')).headers['set-cookie']).match(/lp_session=([a-z0-9]+)/)![1]}`;
    const victim = await login(user.username, user.password, '127.0.0.12', attackerCookie);
    expect(String(victim.headers['set-cookie'])).not.toContain(attackerCookie);
    expect((await sendRaw(t.url(), { method: 'GET', path: '/api/auth/me', headers: { cookie: attackerCookie } })).status).toBe(401);
  });

  it('makes a stolen cookie worthless after sign-out, over HTTP and Socket.IO', async () => {
    const user = await createApplicant(t.db());
    const http = await signIn(t.url(), user, t.clock);
    const stolen = http.cookieHeader;
    const open = await t.connect({ cookie: stolen });
    const closed = new Promise<string>((resolve) => open.once('disconnect', resolve));
    expect((await http.post('/api/auth/logout')).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect((await sendRaw(t.url(), { method: 'GET', path: '/api/auth/me', headers: { cookie: stolen } })).status).toBe(401);
    await expect(t.connect({ cookie: stolen })).rejects.toThrow(/unauthenticated/);
  });
});

describe('invitation tokens', () => {
  it('cannot be guessed: random tokens are unknown, then the address is rate-limited', async () => {
    const from = '127.0.0.30';
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const lookup = await sendRaw(t.url(), { method: 'GET', path: `/api/invitations/${randomToken()}`, localAddress: from });
      statuses.push(lookup.status);
      if (lookup.status === 200) expect(JSON.parse(lookup.text)).toEqual({ status: 'unknown' });
    }
    const next = await sendRaw(t.url(), { method: 'POST', path: `/api/invitations/${randomToken()}/accept`, localAddress: from });
    printFigures('abuse invitation guessing', {
      guesses: 31,
      answeredUnknown: statuses.filter((s) => s === 200).length,
      limitedFromGuess: [...statuses, next.status].indexOf(429) + 1,
    });
    expect(next.status).toBe(429);
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(0);
    expect((await sendRaw(t.url(), { method: 'GET', path: `/api/invitations/${randomToken()}`, localAddress: from })).status).toBe(429);
  });

  it('cannot be replayed: a second accept (or a decline after it) is refused', async () => {
    const body = familyApplication();
    body.people = body.people.slice(0, 1);
    expect((await officer.post('/api/applications', body)).status).toBe(201);
    await t.deliverEmails();
    const mail = (await (await fetch(t.url(`/api/dev/mailbox?to=${body.people[0]!.email}`))).json()) as { links: string[] }[];
    const token = tokenFromLink(mail[0]!.links[0]!);
    const accept = () => sendRaw(t.url(), { method: 'POST', path: `/api/invitations/${token}/accept`, localAddress: '127.0.0.31' });
    expect((await accept()).status).toBe(200);
    const replay = await accept();
    expect(replay.status).toBe(409);
    expect(JSON.parse(replay.text)).toMatchObject({ code: 'conflict', fields: { token: 'used' } });
    expect((await sendRaw(t.url(), { method: 'POST', path: `/api/invitations/${token}/decline`, localAddress: '127.0.0.31' })).status).toBe(
      409,
    );
  });
});

describe('cross-site requests', () => {
  it('refuses every unsafe route from a foreign origin with 403, and changes nothing', async () => {
    const before = await fingerprint(t.db());
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: t.url().replace('127.0.0.1', 'localhost') },
    ];
    for (const route of unsafeRoutes) {
      for (const headers of foreign) {
        const res = await officer.request(routePath(route, 'x'), { method: route.method, headers, json: route.body?.base ?? {} });
        expect(res.status, `${route.method} ${route.path} ${JSON.stringify(headers)}`).toBe(403);
        expect(res.data).toMatchObject({ code: 'forbidden' });
      }
    }
    expect(differences(before, await fingerprint(t.db()))).toEqual([]);
    // The same request from the portal's own origin gets past the check (and fails on its merits).
    const own = await officer.request('/api/staff/cases/nope/confirm', { method: 'POST', headers: { origin: t.url() } });
    expect(own.status).toBe(422);
  });

  it('refuses Socket.IO handshakes from a foreign origin, even with a valid cookie', async () => {
    const user = await createApplicant(t.db());
    const http = await signIn(t.url(), user, t.clock);
    await expect(t.connect({ cookie: http.cookieHeader, headers: { origin: 'https://evil.example' } })).rejects.toThrow();
    const own = await t.connect({ cookie: http.cookieHeader, headers: { origin: t.url() } });
    expect(own.connected).toBe(true);
  });
});

describe('files', () => {
  it('serves photos and eCOPRs to their owner and staff only', async () => {
    const owner = await createApplicant(t.db(), { givenName: 'Ana', familyName: 'Silva' });
    const other = await signIn(t.url(), await createApplicant(t.db(), { givenName: 'Ben' }), t.clock);
    const agent = await signIn(t.url(), await createUser(t.db(), 'agent'), t.clock);
    const http = await signIn(t.url(), owner, t.clock);
    const client = new ConversationClient(await t.connect({ cookie: http.cookieHeader }));
    const { caseId } = await client.sync();
    for (const event of answersBeforePhoto) await client.must(event);
    const { photoId } = (await http.request('/api/photos', { method: 'PUT', body: new Uint8Array(validPhoto) })).data;
    for (const event of answersFromPhoto(photoId, { givenName: 'Ana', familyName: 'Silva' })) await client.must(event);
    expect((await officer.post(`/api/staff/cases/${caseId}/photo/approve`)).status).toBe(200);
    expect((await officer.post(`/api/staff/cases/${caseId}/confirm`)).status).toBe(200);

    const photo = `/api/photos/${photoId}`;
    expect((await http.request(photo)).status).toBe(200);
    expect((await officer.request(photo)).status).toBe(200);
    expect((await agent.request(photo)).status).toBe(200);
    expect((await other.request(photo)).status).toBe(404); // hidden, not "forbidden"
    expect((await new HttpSession(t.url()).request(photo)).status).toBe(401);
    // Nor can another applicant attach it to their own case.
    const thief = new ConversationClient(await t.connect({ cookie: other.cookieHeader }));
    await thief.sync();
    for (const event of answersBeforePhoto) await thief.must(event);
    expect(await thief.answer({ type: 'PHOTO_UPLOADED', photoId })).toMatchObject({ ok: false, error: { code: 'event_refused' } });

    const pdf = await http.request('/api/ecopr');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await other.request('/api/ecopr')).status).toBe(404); // their own (not issued), never someone else's
    expect((await officer.request('/api/ecopr')).status).toBe(403);
    expect((await new HttpSession(t.url()).request('/api/ecopr')).status).toBe(401);
  });
});
