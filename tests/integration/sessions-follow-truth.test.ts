import { describe, expect, it } from 'vitest';
import { personModel } from '../../server/applications/application.model';
import type { BoardPatch } from '../../src/lib/shared/board.contract';
import { createApplicant, createUser, signIn, TEST_PASSWORD } from '../fixtures/users';
import { ConversationClient } from '../support/conversation-client';
import { HttpSession } from '../support/http-session';
import { ManualClock, useTestPortal, type TestSocket } from '../support/portal';

/**
 * Sessions and rooms follow what is true now, not what was true at the handshake: a new sign-in,
 * a timeout, a leave and a transfer take effect on every socket at once.
 */
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
const t = useTestPortal('sessions_follow_truth', { clock });

const disconnected = (socket: TestSocket) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
/** Whether `event` arrives on `socket` within `ms` (real time). */
const arrives = (socket: TestSocket, event: 'chat:typing' | 'staff:case-update' | 'board:patch', ms = 400) =>
  new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once(event, (() => {
      clearTimeout(timer);
      resolve(true);
    }) as never);
  });

describe('sessions', () => {
  it('a new sign-in in the same browser closes the sockets of the session it replaces', async () => {
    const user = await createApplicant(t.db());
    const http = await signIn(t.url(), user, clock);
    const socket = await t.connect({ cookie: http.cookieHeader });
    const closed = disconnected(socket);
    expect((await http.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
  });

  it('a socket in use is cut when its session times out, at its next event', async () => {
    const officer = await createUser(t.db(), 'officer');
    const http = await signIn(t.url(), officer, clock);
    const socket = await t.connect({ cookie: http.cookieHeader });
    expect((await socket.emitWithAck('system:ping', { clientTime: 1 })).ok).toBe(true);
    clock.advance(31 * 60_000); // staff idle limit: 30 minutes
    const closed = disconnected(socket);
    socket.emit('system:ping', { clientTime: 2 }, () => undefined);
    expect(await closed).toBe('io server disconnect');
    expect((await http.request('/api/auth/me')).status).toBe(401);
  });

  it('an idle socket is cut by the sweep once its session has timed out; an active one is kept', async () => {
    const applicant = await createApplicant(t.db());
    const idleHttp = await signIn(t.url(), applicant, clock);
    const idle = await t.connect({ cookie: idleHttp.cookieHeader });
    const activeHttp = await signIn(t.url(), await createApplicant(t.db()), clock);
    const active = await t.connect({ cookie: activeHttp.cookieHeader });
    const closed = disconnected(idle);
    for (let minutes = 0; minutes < 130; minutes += 10) {
      clock.advance(10 * 60_000);
      expect((await active.emitWithAck('system:ping', { clientTime: minutes })).ok).toBe(true); // activity keeps it
      await t.services().realtime.sweepSessions();
    }
    expect(await closed).toBe('io server disconnect');
    expect(active.connected).toBe(true);
  });

  it('a temporary password opens one session only', async () => {
    const user = await createUser(t.db(), 'applicant', { mustChangePassword: true });
    const first = new HttpSession(t.url());
    const [a, b] = await Promise.all([
      first.post('/api/auth/login', { username: user.username, password: user.password }),
      new HttpSession(t.url()).post('/api/auth/login', { username: user.username, password: user.password }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    expect((await new HttpSession(t.url()).post('/api/auth/login', { username: user.username, password: user.password })).status).toBe(401);
  });

  it('a staff account’s temporary password works once too', async () => {
    const admin = await signIn(t.url(), await createUser(t.db(), 'admin'), clock);
    const created = await admin.post('/api/staff-accounts', {
      username: 'pat.officer',
      displayName: 'Pat',
      fullName: 'Pat Officer',
      role: 'officer',
    });
    expect(created.status).toBe(201);
    const login = () =>
      new HttpSession(t.url()).post('/api/auth/login', { username: 'pat.officer', password: created.data.temporaryPassword });
    expect((await login()).data.stage).toBe('change_password');
    expect((await login()).status).toBe(401);
  });
});

describe('agents and their rooms', () => {
  async function helpedApplicant() {
    const applicantHttp = await signIn(t.url(), await createApplicant(t.db(), { givenName: 'Zoë' }), clock);
    const me = new ConversationClient(await t.connect({ cookie: applicantHttp.cookieHeader }));
    const { caseId } = await me.sync();
    await me.must({ type: 'REQUEST_HELP' });
    const agentHttp = await signIn(t.url(), await createUser(t.db(), 'agent', { displayName: 'Amira' }), clock);
    const tabs = [await t.connect({ cookie: agentHttp.cookieHeader }), await t.connect({ cookie: agentHttp.cookieHeader })] as const;
    expect((await tabs[0].emitWithAck('agent:join', { caseId })).ok).toBe(true);
    expect((await tabs[1].emitWithAck('staff:watch', { caseId, after: 0 })).ok).toBe(true);
    return { me, caseId, tabs };
  }

  for (const outcome of ['resolved', 'transferred'] as const) {
    it(`after a leave (${outcome}), none of the agent's tabs receives the case or sends signals to it`, async () => {
      const { me, caseId, tabs } = await helpedApplicant();
      const watching = arrives(tabs[1], 'staff:case-update');
      await me.text('still there?');
      expect(await watching).toBe(true);

      expect((await tabs[0].emitWithAck('agent:leave', { caseId, outcome })).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 100));
      const stillReceives = Promise.all(tabs.map((tab) => arrives(tab, 'staff:case-update')));
      await me.text('hello again');
      expect(await stillReceives).toEqual([false, false]);

      const applicantSeesTyping = arrives(me.socket, 'chat:typing');
      for (const tab of tabs) tab.emit('chat:typing', { caseId, typing: true });
      expect(await applicantSeesTyping).toBe(false);
      expect((await tabs[1].emitWithAck('staff:watch', { caseId, after: 0 })).ok).toBe(false);
    });
  }

  it('agents get board rows of help requests only, without UCI or application number; officers get every row', async () => {
    const agent = await t.connect({ cookie: (await signIn(t.url(), await createUser(t.db(), 'agent'), clock)).cookieHeader });
    const officer = await t.connect({ cookie: (await signIn(t.url(), await createUser(t.db(), 'officer'), clock)).cookieHeader });
    const seen = { agent: [] as BoardPatch[], officer: [] as BoardPatch[] };
    agent.on('board:patch', (p) => seen.agent.push(p));
    officer.on('board:patch', (p) => seen.officer.push(p));
    const me = new ConversationClient(
      await t.connect({ cookie: (await signIn(t.url(), await createApplicant(t.db()), clock)).cookieHeader }),
    );
    await me.sync();
    await me.must({ type: 'ACKNOWLEDGE' });
    await me.must({ type: 'REQUEST_HELP' });
    await me.must({ type: 'CANCEL_HELP' });
    await me.must({ type: 'CONFIRM_IDENTITY', answer: 'yes' });
    await expect.poll(() => seen.officer.length).toBe(4);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.agent.map((p) => p.row.helpStatus)).toEqual(['requested', 'none']);
    for (const patch of seen.agent) expect(patch.row).toMatchObject({ uci: '', applicationNumber: '' });
    expect(seen.officer.every((p) => p.row.uci.length >= 8)).toBe(true);
  });
});

it('refuses a name holding a lone surrogate or nothing visible with a field error, storing nothing', async () => {
  const officer = await signIn(t.url(), await createUser(t.db(), 'officer'), clock);
  const person = {
    role: 'principal',
    givenName: 'Ana',
    familyName: 'Silva',
    dateOfBirth: '1990-01-02',
    uci: '12345678',
    email: 'ana@example.com',
    lang: 'en',
  };
  // Sent as raw JSON text: `\ud800` is a lone surrogate escape, which JSON.parse keeps as such.
  const raw = (familyName: string) =>
    officer.request('/api/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ applicationNumber: 'E000000123', people: [{ ...person, familyName: 'FAMILY' }] }).replace(
        '"FAMILY"',
        familyName,
      ),
    });
  for (const [familyName, code] of [
    ['"Silva\\ud800"', 'name_control'],
    ['"Sil\\u0000va"', 'name_control'],
    ['"Silva\\nBcc"', 'name_control'],
    ['"\\u200b\\u200d"', 'name_invisible'],
  ] as const) {
    const res = await raw(familyName);
    expect(res.status, familyName).toBe(422);
    expect(res.data.fields, familyName).toEqual({ 'people.0.familyName': code });
  }
  expect(await personModel(t.db()).countDocuments()).toBe(0);
});
