import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApplicant, createUser, signIn, type TestUser } from '../fixtures/users';
import { answersBeforePhoto } from '../resilience/support/landing-script';
import { ConversationClient } from '../support/conversation-client';
import { HttpSession } from '../support/http-session';
import { ManualClock, useTestPortal } from '../support/portal';

/**
 * The authorization table: every API route and socket event against every kind of caller.
 * "allow" means the request got past authorization (any status but 401/403; a 404 or 422 on a
 * made-up id or empty body still proves access was granted); "deny" means 401 or 403 — or, where
 * hiding existence matters (someone else's photo), 404.
 */
const clock = new ManualClock(new Date());
const t = useTestPortal('authorization', { clock, resetEachTest: false });
const callers = ['anonymous', 'applicantA', 'applicantB', 'agent', 'officer', 'admin'] as const;
type Caller = (typeof callers)[number];
type Expect = 'allow' | 'deny' | 'hidden';

const sessions = {} as Record<Caller, HttpSession>;
let photoOfA = '';
const someId = randomUUID();
const token = 'A'.repeat(43);

beforeAll(async () => {
  sessions.anonymous = new HttpSession(t.url());
  const accounts: Partial<Record<Caller, TestUser>> = {
    applicantA: await createApplicant(t.db(), { givenName: 'Ana' }),
    applicantB: await createApplicant(t.db(), { givenName: 'Ben' }),
    agent: await createUser(t.db(), 'agent'),
    officer: await createUser(t.db(), 'officer'),
    admin: await createUser(t.db(), 'admin'),
  };
  for (const caller of callers.slice(1)) {
    clock.advance(31_000);
    sessions[caller] = await signIn(t.url(), accounts[caller]!, clock);
  }
  const photo = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));
  // Photos are taken only where the conversation asks for one.
  const conversationOfA = new ConversationClient(await t.connect({ cookie: sessions.applicantA.cookieHeader }));
  await conversationOfA.sync();
  for (const event of answersBeforePhoto) await conversationOfA.must(event);
  const upload = await sessions.applicantA.request('/api/photos', { method: 'PUT', body: new Uint8Array(photo) });
  photoOfA = upload.data.photoId;
});

const everyone: Record<Caller, Expect> = {
  anonymous: 'allow',
  applicantA: 'allow',
  applicantB: 'allow',
  agent: 'allow',
  officer: 'allow',
  admin: 'allow',
};
const signedIn: Record<Caller, Expect> = { ...everyone, anonymous: 'deny' };
const applicants: Record<Caller, Expect> = {
  anonymous: 'deny',
  applicantA: 'allow',
  applicantB: 'allow',
  agent: 'deny',
  officer: 'deny',
  admin: 'deny',
};
const officers: Record<Caller, Expect> = {
  anonymous: 'deny',
  applicantA: 'deny',
  applicantB: 'deny',
  agent: 'deny',
  officer: 'allow',
  admin: 'allow',
};
const admins: Record<Caller, Expect> = { ...officers, officer: 'deny' };
const agentsAndAdmins: Record<Caller, Expect> = { ...officers, officer: 'deny', agent: 'allow' };
const someCase = `case-${someId}`;

const routes: [method: string, path: () => string, expected: Record<Caller, Expect>, body?: unknown][] = [
  ['GET', () => '/api/health', everyone],
  ['GET', () => '/api/openapi.json', everyone],
  ['GET', () => '/api/dev/mailbox', everyone],
  ['GET', () => `/api/invitations/${token}`, everyone],
  ['POST', () => `/api/invitations/${token}/accept`, everyone],
  ['POST', () => `/api/invitations/${token}/decline`, everyone],
  ['GET', () => '/api/auth/me', signedIn],
  ['POST', () => '/api/auth/password', signedIn, {}],
  [
    'POST',
    () => '/api/auth/totp/enrol',
    { ...signedIn, applicantA: 'deny', applicantB: 'deny', agent: 'deny', officer: 'deny', admin: 'deny' },
  ],
  ['GET', () => '/api/staff-accounts', admins],
  ['POST', () => '/api/staff-accounts', admins, {}],
  ['POST', () => `/api/staff-accounts/${someId}/disable`, admins],
  ['POST', () => `/api/staff-accounts/${someId}/enable`, admins],
  ['GET', () => '/api/applications', officers],
  ['POST', () => '/api/applications', officers, {}],
  ['POST', () => '/api/applications/import', officers, { csv: 'applicationNumber\n' }],
  ['GET', () => `/api/applications/import/${someId}`, { ...officers, officer: 'hidden', admin: 'hidden' }],
  ['GET', () => `/api/applications/${someId}`, officers],
  ['POST', () => `/api/people/${someId}/invitation/resend`, officers],
  ['POST', () => `/api/people/${someId}/invitation/revoke`, officers],
  ['PUT', () => '/api/photos', applicants, {}],
  ['GET', () => '/api/board', officers],
  ['GET', () => '/api/board/export.csv', officers],
  ['GET', () => '/api/board/flow', officers],
  ['GET', () => `/api/staff/cases/${someCase}`, officers],
  ['POST', () => `/api/staff/cases/${someCase}/photo/approve`, officers],
  ['POST', () => `/api/staff/cases/${someCase}/photo/reject`, officers, { reason: 'too_dark' }],
  ['POST', () => `/api/staff/cases/${someCase}/flags/resolve`, officers, { flag: 'outside_canada', note: 'x' }],
  ['POST', () => `/api/staff/cases/${someCase}/confirm`, officers],
  ['POST', () => '/api/staff/cases/confirm-many', officers, { caseIds: [someCase] }],
  ['GET', () => '/api/help-queue', agentsAndAdmins],
  ['GET', () => '/api/help-queue/referrals', agentsAndAdmins],
  ['GET', () => '/api/ecopr', applicants],
  ['GET', () => '/api/outbox/failed', officers],
  ['POST', () => '/api/outbox/0123456789abcdef01234567/retry', officers],
  ['GET', () => '/api/verify/ECOPR-2345-6789-ABCD', everyone],
  [
    'GET',
    () => `/api/photos/${photoOfA}`,
    { anonymous: 'deny', applicantA: 'allow', applicantB: 'hidden', agent: 'allow', officer: 'allow', admin: 'allow' },
  ],
];

describe('HTTP routes × callers', () => {
  for (const [method, path, expected, body] of routes) {
    it(`${method} ${path().replace(/(case-)?[0-9a-f-]{36}|A{43}/, ':id')}`, async () => {
      const outcome: Record<string, string> = {};
      for (const caller of callers) {
        const res = await sessions[caller].request(path(), { method, ...(body !== undefined ? { json: body } : {}) });
        const verdict =
          res.status === 401 || res.status === 403 ? 'deny' : res.status === 404 && expected[caller] === 'hidden' ? 'hidden' : 'allow';
        outcome[caller] = verdict;
        expect(res.status, `${caller} got ${res.status}`).toBeLessThan(500);
      }
      expect(outcome).toEqual(expected);
    });
  }
});

describe('Socket.IO connection and events × callers', () => {
  it('refuses anonymous sockets and answers forbidden to staff for applicant events', async () => {
    await expect(t.connect()).rejects.toThrow(/unauthenticated/);
    for (const caller of ['agent', 'officer', 'admin'] as const) {
      const socket = await t.connect({ cookie: sessions[caller].cookieHeader });
      for (const [event, payload] of [
        ['case:sync', { after: 0 }],
        ['case:answer', { clientEventId: 'staff-try-0001', event: { type: 'ACKNOWLEDGE' } }],
        ['case:text', { clientEventId: 'staff-try-0002', text: 'yes' }],
        ['case:language', { lang: 'fr' }],
      ] as const) {
        const ack = await socket.timeout(2000).emitWithAck(event as 'case:sync', payload as never);
        expect(ack, `${caller} ${event}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
  });

  it('keeps staff and agent events away from applicants, and agent events away from officers', async () => {
    const a = await t.connect({ cookie: sessions.applicantA.cookieHeader });
    const caseOfA = (await new ConversationClient(a).sync()).caseId;
    const attempts = [
      ['staff:watch', { caseId: caseOfA, after: 0 }],
      ['agent:join', { caseId: caseOfA }],
      ['agent:message', { caseId: caseOfA, clientEventId: 'applicant-as-agent', text: 'hi' }],
      ['agent:note', { caseId: caseOfA, text: 'note' }],
      ['agent:suggest', { caseId: caseOfA, section: 'photo' }],
      ['agent:leave', { caseId: caseOfA, outcome: 'resolved' }],
    ] as const;
    for (const [event, payload] of attempts) {
      expect(await a.emitWithAck(event as 'agent:join', payload as never), `applicant ${event}`).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    const officer = await t.connect({ cookie: sessions.officer.cookieHeader });
    for (const [event, payload] of attempts.slice(1)) {
      expect(await officer.emitWithAck(event as 'agent:join', payload as never), `officer ${event}`).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    // An agent who has not taken the request cannot write into, annotate or read the conversation.
    const agent = await t.connect({ cookie: sessions.agent.cookieHeader });
    expect(await agent.emitWithAck('agent:message', { caseId: caseOfA, clientEventId: 'agent-not-joined', text: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await agent.emitWithAck('agent:note', { caseId: caseOfA, text: 'note' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await agent.emitWithAck('staff:watch', { caseId: caseOfA, after: 0 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await officer.emitWithAck('staff:watch', { caseId: caseOfA, after: 0 })).ok).toBe(true);
  });

  it('sends board rows to officers and admins, help-request rows only (no UCI) to agents, nothing to applicants', async () => {
    const watchers = callers.slice(1);
    const received = Object.fromEntries(watchers.map((caller) => [caller, [] as { helpStatus: string; uci: string }[]])) as Record<
      string,
      { helpStatus: string; uci: string }[]
    >;
    for (const caller of watchers) {
      const socket = await t.connect({ cookie: sessions[caller].cookieHeader });
      socket.on('board:patch', ({ row }) => received[caller]!.push({ helpStatus: row.helpStatus, uci: row.uci }));
    }
    const b = new ConversationClient(await t.connect({ cookie: sessions.applicantB.cookieHeader }));
    await b.sync();
    await b.must({ type: 'ACKNOWLEDGE' });
    await b.must({ type: 'REQUEST_HELP' });
    await b.must({ type: 'CANCEL_HELP' });
    await expect.poll(() => received.officer!.length).toBe(3);
    await new Promise((r) => setTimeout(r, 200));
    const counts = Object.fromEntries(watchers.map((caller) => [caller, received[caller]!.length]));
    expect(counts).toEqual({ applicantA: 0, applicantB: 0, agent: 2, officer: 3, admin: 3 });
    expect(received.agent).toEqual([
      { helpStatus: 'requested', uci: '' },
      { helpStatus: 'none', uci: '' },
    ]);
  });

  it('gives each applicant only their own conversation: nothing of A reaches B', async () => {
    const a = new ConversationClient(await t.connect({ cookie: sessions.applicantA.cookieHeader }));
    const b = new ConversationClient(await t.connect({ cookie: sessions.applicantB.cookieHeader }));
    const viewA = await a.sync();
    const viewB = await b.sync();
    expect(viewA.caseId).not.toBe(viewB.caseId);
    expect(viewA.params.givenName).toBe('Ana');
    expect(viewB.params.givenName).toBe('Ben');
    const before = b.broadcasts.length;
    await a.must({ type: 'REQUEST_HELP' });
    await a.must({ type: 'CANCEL_HELP' });
    await new Promise((r) => setTimeout(r, 200));
    expect(b.broadcasts.length).toBe(before);
    expect((await b.sync()).step).toBe(viewB.step);
    // A payload cannot even name another case.
    const named = await b.socket.emitWithAck('case:sync', { after: 0, caseId: viewA.caseId } as never);
    expect(named).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});
