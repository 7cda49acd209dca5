import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/lib/shared/ack';
import { createApplicant, createUser, signIn } from '../fixtures/users';
import { withDeclaredSize } from '../fixtures/photos';
import { ConversationClient } from '../support/conversation-client';
import type { HttpSession } from '../support/http-session';
import { ManualClock, useTestPortal, type TestSocket } from '../support/portal';
import { answersBeforePhoto } from './support/landing-script';
import { apiRoutes, routePath, type ApiRoute, type ParamKind } from './support/api-routes';
import { differences, fingerprint } from './support/db-fingerprint';
import { inParallel, printFigures } from './support/figures';
import {
  hostileQueries,
  hostileRawBodies,
  hostileSegments,
  jsonBody,
  sendRaw,
  type RawRequest,
  type RawResponse,
} from './support/hostile-http';
import { hostileVariants, megabyteString, toJsonText, weirdTexts } from './support/hostile-values';
import { emitRaw } from './support/raw-socket';
import { longRun, runSeed, SeededRandom } from './support/seeded-random';
import { socketEvents, unknownEvents } from './support/socket-events';

/**
 * Hostile input against every `/api` route and every socket event, from every kind of caller.
 * Nothing may crash the server or answer 5xx; every refusal is a 4xx JSON `{ code, message }` (or a
 * socket ack `ok: false` with a code); and a batch of refused inputs leaves the database as it was.
 */
const clock = new ManualClock(new Date());
const t = useTestPortal('resilience-hostile', { clock, resetEachTest: false });
const seed = runSeed();
const rng = new SeededRandom(seed);
const scale = longRun ? 4 : 1;
const callers = ['anonymous', 'applicant', 'officer', 'agent'] as const;
type Caller = (typeof callers)[number];

const sessions = {} as Record<Caller, HttpSession | null>;
const victim = { caseId: '', photoId: '', personId: '' };
const tally = {
  http: 0,
  socket: 0,
  crashes: 0,
  fiveHundreds: 0,
  refused: 0,
  accepted: 0,
  transportRefused: 0,
  batches: 0,
  batchesChecked: 0,
};
const problems: string[] = [];
/** Batches where some input was accepted, so the database could legitimately change. */
const unchecked: string[] = [];
const validPhoto = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));

beforeAll(async () => {
  const a = await createApplicant(t.db(), { givenName: 'Victim' });
  const accounts = {
    applicant: await createApplicant(t.db(), { givenName: 'Mallory' }),
    officer: await createUser(t.db(), 'officer'),
    agent: await createUser(t.db(), 'agent'),
  };
  sessions.anonymous = null;
  const victimSession = await signIn(t.url(), a, clock);
  for (const caller of ['applicant', 'officer', 'agent'] as const) {
    clock.advance(31_000); // one TOTP window each
    sessions[caller] = await signIn(t.url(), accounts[caller], clock);
  }
  victim.personId = a.personId;
  const victimConversation = new ConversationClient(await t.connect({ cookie: victimSession.cookieHeader }));
  victim.caseId = (await victimConversation.sync()).caseId;
  for (const event of answersBeforePhoto) await victimConversation.must(event); // photos are taken at the photo step only
  victim.photoId = (await victimSession.request('/api/photos', { method: 'PUT', body: new Uint8Array(validPhoto) })).data.photoId;
  await new ConversationClient(await t.connect({ cookie: sessions.applicant!.cookieHeader })).sync();
  // The clock stands still from here: no session is "touched" again, so the database only changes on purpose.
  for (const session of [victimSession, sessions.applicant, sessions.officer, sessions.agent]) await session!.request('/api/auth/me');
});

beforeEach(() => {
  problems.length = 0;
});

afterAll(() => {
  printFigures('hostile-input', {
    seed,
    cases: tally.http + tally.socket,
    http: tally.http,
    socket: tally.socket,
    crashes: tally.crashes,
    '5xx': tally.fiveHundreds,
    refused: tally.refused,
    accepted: tally.accepted,
    transportRefused: tally.transportRefused,
    batchesChecked: `${tally.batchesChecked}/${tally.batches}`,
  });
  if (unchecked.length)
    console.info(`[resilience] hostile-input: batches with accepted input (database not compared): ${unchecked.join('; ')}`);
});

/** Judges one HTTP answer; returns true when the input was accepted (2xx). */
function judge(label: string, res: RawResponse): boolean {
  tally.http++;
  if (res.status >= 500) {
    tally.fiveHundreds++;
    problems.push(`${label} → ${res.status} ${res.text.slice(0, 200)}`);
    return false;
  }
  if (res.status < 400) return true;
  tally.refused++;
  let body: { code?: unknown; message?: unknown } | undefined;
  try {
    body = JSON.parse(res.text);
  } catch {
    // judged below
  }
  const json = String(res.headers['content-type']).startsWith('application/json');
  if (!json || typeof body?.message !== 'string' || !errorCodes.includes(body?.code as never))
    problems.push(`${label} → ${res.status} not a JSON refusal: ${res.text.slice(0, 120)}`);
  return false;
}

async function serverAlive(after: string) {
  const health = await sendRaw(t.url(), { method: 'GET', path: '/api/health' }).catch(() => null);
  if (health?.status !== 200) {
    tally.crashes++;
    problems.push(`after ${after}: /api/health answered ${health?.status ?? 'nothing'}`);
  }
}

/** Runs a batch; when nothing in it was accepted, the database must be exactly as before. */
async function batch(label: string, run: () => Promise<number>) {
  const before = await fingerprint(t.db());
  const accepted = await run();
  tally.batches++;
  tally.accepted += accepted;
  if (accepted > 0) unchecked.push(`${label} (${accepted} accepted)`);
  else {
    tally.batchesChecked++;
    const changed = differences(before, await fingerprint(t.db()));
    if (changed.length) problems.push(`${label}: refused input changed the database: ${changed.join('; ')}`);
  }
  await serverAlive(label);
}

const validParam = (kind: ParamKind) =>
  ({ uuid: randomUUID(), case: `case-${randomUUID()}`, token: 'B'.repeat(43), code: 'ECOPR-2345-6789-ABCD' })[kind];
const othersParam = (kind: ParamKind) => ({ uuid: [victim.photoId, victim.personId], case: [victim.caseId], token: [], code: [] })[kind];
/** GET routes that record who read what (an accepted read writes the audit trail). */
const auditedReads = new Set(['/api/board/export.csv', '/api/staff/cases/:id']);

function hostileRequests(route: ApiRoute): RawRequest[] {
  const path = () => (route.param ? routePath(route, validParam(route.param)) : route.path);
  const requests: RawRequest[] = [];
  const json = { 'content-type': 'application/json' };
  if (route.body) {
    for (const variant of hostileVariants(route.body.base, route.body.required, rng, 90 * scale))
      requests.push({ method: route.method, path: path(), headers: json, body: jsonBody(variant) });
  } else if (route.method !== 'GET' && !route.raw) {
    for (const variant of hostileVariants({ unexpected: true }, [], rng, 20 * scale))
      requests.push({ method: route.method, path: path(), headers: json, body: jsonBody(variant) });
  }
  const raw = hostileRawBodies(rng);
  for (const body of route.body || route.raw ? raw : raw.slice(0, 8))
    requests.push({
      method: route.method,
      path: path(),
      headers: body.contentType ? { 'content-type': body.contentType } : {},
      body: body.body,
    });
  if (route.raw) {
    const bomb = withDeclaredSize(validPhoto, 65_000, 65_000);
    for (const body of [
      bomb,
      validPhoto.subarray(0, 2_000),
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from(megabyteString())]),
      Buffer.alloc(5 * 1024 * 1024, 0xff),
    ])
      requests.push({ method: 'PUT', path: route.path, headers: { 'content-type': 'image/jpeg' }, body });
  }
  if (route.param)
    for (const segment of hostileSegments(rng)) requests.push({ method: route.method, path: route.path.replace(/:[a-z]+/, segment) });
  const queries = hostileQueries(rng);
  for (const query of route.query === 'strict' ? queries : queries.slice(0, 6))
    requests.push({ method: route.method, path: `${path()}${query}` });
  return requests;
}

describe('hostile HTTP input', () => {
  for (const route of apiRoutes) {
    it(`${route.method} ${route.path}`, async () => {
      for (const caller of callers) {
        if (route.endsSession && caller !== 'anonymous') continue;
        const cookie = sessions[caller]?.cookieHeader;
        const requests = hostileRequests(route);
        await batch(`${caller} ${route.method} ${route.path}`, async () => {
          let accepted = 0;
          await inParallel(requests, 6, async (req) => {
            const res = await sendRaw(t.url(), { ...req, headers: { ...req.headers, ...(cookie ? { cookie } : {}) } });
            const label = `${caller} ${req.method} ${req.path.slice(0, 120)} [${req.body?.length ?? 0} bytes]`;
            if (judge(label, res) && (req.method !== 'GET' || auditedReads.has(route.path))) accepted++;
          });
          return accepted;
        });
        // Another person's real id where the route takes one: refused, or (staff) allowed by role.
        if (route.param) {
          for (const id of othersParam(route.param)) {
            const res = await sendRaw(t.url(), { method: route.method, path: routePath(route, id), headers: cookie ? { cookie } : {} });
            judge(`${caller} ${route.method} ${route.path} with another person's id`, res);
            if (caller === 'applicant' && res.status < 400)
              problems.push(`${caller} reached another person's ${route.path}: ${res.status}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('answers unknown routes and wrong methods with a JSON 404', async () => {
    await batch('unknown routes', async () => {
      for (const [method, path] of [
        ['GET', '/api/nope'],
        ['DELETE', '/api/auth/login'],
        ['PATCH', '/api/applications'],
        ['POST', '/api/__proto__'],
        ['GET', '/api/constructor/prototype'],
      ] as const) {
        judge(`${method} ${path}`, await sendRaw(t.url(), { method, path }));
      }
      return 0;
    });
    expect(problems).toEqual([]);
  });
});

describe('hostile socket input', () => {
  const SOCKET_TIMEOUT = 2_000;
  const cookieOf = (caller: Exclude<Caller, 'anonymous'>) => sessions[caller]!.cookieHeader;

  /** Sends one event (arguments as raw JSON texts) and judges the answer. */
  async function emit(socket: TestSocket, label: string, event: string, args: string[]): Promise<'accepted' | 'refused' | 'dropped'> {
    tally.socket++;
    const ack = (await emitRaw(socket, event, args, SOCKET_TIMEOUT)) as { ok?: boolean; error?: { code?: string } } | 'timeout' | 'dropped';
    if (ack === 'dropped') {
      tally.transportRefused++; // past the 64 KB message limit: the server closes the connection
      return 'dropped';
    }
    if (ack === 'timeout') {
      problems.push(`${label}: no answer within ${SOCKET_TIMEOUT} ms`);
      return 'refused';
    }
    if (ack.ok === true) return 'accepted';
    if (ack.error?.code === 'internal') tally.fiveHundreds++;
    if (ack.ok !== false || !errorCodes.includes(ack.error?.code as never) || ack.error?.code === 'internal')
      problems.push(`${label}: ${JSON.stringify(ack).slice(0, 200)}`);
    else tally.refused++;
    return 'refused';
  }

  for (const caller of ['applicant', 'officer', 'agent'] as const) {
    it(`every event from an ${caller}, hostile payloads`, async () => {
      let socket = await t.connect({ cookie: cookieOf(caller) });
      for (const shape of socketEvents) {
        const base = shape.base(victim.caseId);
        const variants = hostileVariants(base, shape.required, rng, 110 * scale);
        await batch(`${caller} ${shape.event}`, async () => {
          let accepted = 0;
          const sends: [string, string[]][] = variants.map((v) => [v.kind, [toJsonText(v.value)]]);
          sends.push(
            ['extra-arguments', [toJsonText(base), '"extra"', '{"more":true}']],
            ['no-payload', []],
            ['binary-placeholder', ['{"_placeholder":true,"num":0}']],
          );
          for (const [kind, args] of sends) {
            if (!socket.connected) socket = await t.connect({ cookie: cookieOf(caller) });
            if ((await emit(socket, `${caller} ${shape.event} ${kind}`, shape.event, args)) === 'accepted') accepted++;
          }
          // No ack at all: nothing to answer, and nothing may break.
          socket.io.engine.write(`2[${JSON.stringify(shape.event)},${toJsonText(variants[0]!.value)}]`);
          return accepted;
        });
      }
      for (const event of unknownEvents) {
        if (!socket.connected) socket = await t.connect({ cookie: cookieOf(caller) });
        await emit(socket, `${caller} unknown event ${event.slice(0, 20)}`, event, [toJsonText({ caseId: victim.caseId })]);
      }
      expect(problems).toEqual([]);
    });
  }

  it('refuses unauthenticated sockets at connect, whatever they send', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { cookie: 'lp_session=' },
      { cookie: `lp_session=${'a'.repeat(40)}` },
      { cookie: `lp_session=${'x'.repeat(5_000)}` },
      { cookie: 'lp_session=__proto__; constructor=1' },
      { cookie: 'lp_session=%ff%fe%00' },
    ];
    for (const headers of attempts) {
      tally.socket++;
      await expect(t.connect({ headers }), JSON.stringify(headers).slice(0, 60)).rejects.toThrow(/unauthenticated/);
      tally.refused++;
    }
    await serverAlive('unauthenticated sockets');
  });

  it('stores awkward but valid text as text, without a 5xx', async () => {
    const socket = await t.connect({ cookie: cookieOf('applicant') });
    for (const text of weirdTexts) {
      const outcome = await emit(socket, `case:text ${JSON.stringify(text).slice(0, 30)}`, 'case:text', [
        JSON.stringify({ clientEventId: randomUUID(), text }),
      ]);
      if (outcome === 'accepted') tally.accepted++;
    }
    await serverAlive('awkward text');
    expect(problems).toEqual([]);
  });
});

describe('after all of it', () => {
  it('is still up, polluted no prototype, and stayed at 0 crashes, 0 5xx and ≥ 10,000 cases', async () => {
    await serverAlive('the whole run');
    for (const key of ['polluted', 'role', 'isAdmin']) expect(Object.prototype).not.toHaveProperty(key);
    expect(tally.crashes).toBe(0);
    expect(tally.fiveHundreds).toBe(0);
    expect(tally.http + tally.socket).toBeGreaterThanOrEqual(10_000);
  });
});
