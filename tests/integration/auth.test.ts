import type { CommandStartedEvent } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { currentTotp } from '../../server/auth/totp';
import { auditModel } from '../../server/audit/audit.model';
import { sessionModel } from '../../server/auth/session.model';
import { createUser, signIn, TEST_PASSWORD } from '../fixtures/users';
import { HttpSession } from '../support/http-session';
import { ManualClock, useTestPortal } from '../support/portal';

const clock = new ManualClock(new Date('2026-06-01T12:00:00Z'));
const t = useTestPortal('auth', { clock });
const MINUTE = 60_000;

describe('sign-in', () => {
  it('sets an HttpOnly SameSite=Lax session cookie and forces a password change first', async () => {
    const user = await createUser(t.db(), 'applicant', { mustChangePassword: true });
    const http = new HttpSession(t.url());
    const res = await http.post('/api/auth/login', { username: user.username, password: user.password });
    expect(res.status).toBe(200);
    expect(res.data.stage).toBe('change_password');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lp_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // Nothing but the sign-in steps is reachable before the password is changed.
    expect((await http.request('/api/staff-accounts')).status).toBe(403);
  });

  it('gives unknown usernames and wrong passwords the same answer', async () => {
    const user = await createUser(t.db(), 'applicant');
    const unknown = await new HttpSession(t.url()).post('/api/auth/login', { username: 'nobody-here', password: 'whatever-it-is' });
    const wrong = await new HttpSession(t.url()).post('/api/auth/login', { username: user.username, password: 'whatever-it-is' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.data).toEqual(wrong.data);
  });

  it('makes the same database commands for an unknown name as for a wrong password, and leaves no session behind', async () => {
    const user = await createUser(t.db(), 'applicant');
    const sessions = () => sessionModel(t.db()).countDocuments();
    const before = await sessions();
    /** `command collection` of everything the portal sends for one refused sign-in, until its discarded session is gone. */
    const commandsOf = async (username: string) => {
      const seen: string[] = [];
      const watch = (event: CommandStartedEvent) => {
        if (event.commandName !== 'count') seen.push(`${event.commandName} ${String(event.command[event.commandName])}`);
      };
      t.db().getClient().on('commandStarted', watch);
      try {
        const res = await new HttpSession(t.url()).post('/api/auth/login', { username, password: 'not the password at all' });
        expect(res.status).toBe(401);
        await expect.poll(sessions).toBe(before);
      } finally {
        t.db().getClient().off('commandStarted', watch);
      }
      return seen.sort();
    };
    const known = await commandsOf(user.username);
    expect(known).toEqual(await commandsOf('nobody-by-this-name'));
    // The session written while Argon2id ran was written, then deleted.
    expect(known).toEqual(expect.arrayContaining(['insert sessions', 'delete sessions', 'insert audit_log']));
  });

  it('answers a right password with the identity it opened, the one the next request sees', async () => {
    const user = await createUser(t.db(), 'applicant');
    const http = new HttpSession(t.url());
    const res = await http.post('/api/auth/login', { username: user.username, password: user.password });
    expect(res.status).toBe(200);
    const me = await http.request('/api/auth/me');
    expect(me.status).toBe(200);
    expect(res.data).toEqual(me.data);
    expect(await sessionModel(t.db()).countDocuments({ userId: user.id })).toBe(1);
  });

  it('leaves no session behind when a right password cannot be audited', async () => {
    const user = await createUser(t.db(), 'applicant');
    const audit = t.services().audit;
    const record = audit.record.bind(audit);
    audit.record = (input) => (input.action === 'auth.login' ? Promise.reject(new Error('audit log unavailable')) : record(input));
    try {
      await expect(t.services().auth.login(user.username, user.password, null)).rejects.toThrow('audit log unavailable');
    } finally {
      audit.record = record;
    }
    await expect.poll(() => sessionModel(t.db()).countDocuments({ userId: user.id })).toBe(0);
  });

  it('refuses the 11th wrong password within 15 minutes with 429 and a retry time, even a right one', async () => {
    const user = await createUser(t.db(), 'applicant');
    const http = new HttpSession(t.url());
    for (let i = 0; i < 10; i++) {
      expect((await http.post('/api/auth/login', { username: user.username, password: `wrong-${i}` })).status).toBe(401);
    }
    const limited = await http.post('/api/auth/login', { username: user.username, password: user.password });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.data.code).toBe('rate_limited');
    clock.advance(16 * MINUTE);
    expect((await http.post('/api/auth/login', { username: user.username, password: user.password })).status).toBe(200);
  });

  it('rotates the session at sign-in: the old cookie stops working', async () => {
    const user = await createUser(t.db(), 'applicant');
    const http = await signIn(t.url(), user, clock);
    const before = http.cookies.get('lp_session');
    await http.post('/api/auth/login', { username: user.username, password: user.password });
    const after = http.cookies.get('lp_session');
    expect(after).not.toBe(before);
    const stale = new HttpSession(t.url());
    stale.cookies.set('lp_session', before!);
    expect((await stale.request('/api/auth/me')).status).toBe(401);
  });

  it('validates bodies and names the bad field', async () => {
    const res = await new HttpSession(t.url()).post('/api/auth/login', { username: '', password: 'x', admin: true });
    expect(res.status).toBe(422);
    expect(res.data.fields).toHaveProperty('username');
    const malformed = await new HttpSession(t.url()).request('/api/auth/login', {
      method: 'POST',
      body: '{nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
  });
});

describe('password change', () => {
  it('enforces length and the common-password list, then rotates the session', async () => {
    const user = await createUser(t.db(), 'applicant', { mustChangePassword: true });
    const http = new HttpSession(t.url());
    await http.post('/api/auth/login', { username: user.username, password: user.password });
    const first = http.cookies.get('lp_session');
    const short = await http.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short1' });
    expect(short.data.fields.newPassword).toBe('too_short');
    const common = await http.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1234' });
    expect(common.data.fields.newPassword).toBe('common');
    const ok = await http.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'maple syrup on a snowy morning' });
    expect(ok.status).toBe(200);
    expect(ok.data.stage).toBe('ready');
    expect(http.cookies.get('lp_session')).not.toBe(first);
    const entries = await auditModel(t.db()).find({ action: 'auth.password_changed' }).lean();
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain('maple syrup');
  });
});

describe('timeouts', () => {
  it('ends an applicant session after 2 h idle, but not while active', async () => {
    const user = await createUser(t.db(), 'applicant');
    const http = await signIn(t.url(), user, clock);
    clock.advance(110 * MINUTE);
    expect((await http.request('/api/auth/me')).status).toBe(200);
    clock.advance(110 * MINUTE);
    expect((await http.request('/api/auth/me')).status).toBe(200);
    clock.advance(121 * MINUTE);
    expect((await http.request('/api/auth/me')).status).toBe(401);
  });

  it('writes an active session’s activity at most once per twelfth of its idle limit (applicant: 10 min, staff: 2.5 min)', async () => {
    for (const [role, everyMinutes] of [
      ['applicant', 10],
      ['officer', 2.5],
    ] as const) {
      const user = await createUser(t.db(), role);
      const http = await signIn(t.url(), user, clock);
      const seen = new Set<number>();
      for (let minute = 1; minute <= 25; minute++) {
        clock.advance(MINUTE);
        expect((await http.request('/api/auth/me')).status).toBe(200);
        const [session] = await sessionModel(t.db()).find({ userId: user.id }).lean();
        seen.add(session!.lastSeenAt.getTime());
      }
      // Signed in at 0, then a write each time the last one is over the interval old: 1 + ⌊25 / (interval + 1 min)⌋.
      expect(seen.size, role).toBe(1 + Math.floor(25 / (Math.floor(everyMinutes) + 1)));
    }
  });

  it('ends a staff session after 30 min idle and after 12 h even when active', async () => {
    const officer = await createUser(t.db(), 'officer');
    const idle = await signIn(t.url(), officer, clock);
    clock.advance(31 * MINUTE);
    expect((await idle.request('/api/auth/me')).status).toBe(401);

    const busy = await signIn(t.url(), officer, clock);
    for (let hour = 0; hour < 11; hour++) {
      clock.advance(20 * MINUTE);
      expect((await busy.request('/api/auth/me')).status).toBe(200);
      clock.advance(20 * MINUTE);
      expect((await busy.request('/api/auth/me')).status).toBe(200);
      clock.advance(20 * MINUTE);
      await busy.request('/api/auth/me');
    }
    clock.advance(61 * MINUTE);
    expect((await busy.request('/api/auth/me')).status).toBe(401);
  });
});

describe('staff second factor', () => {
  it('enrols TOTP on first sign-in and refuses a replayed code', async () => {
    const admin = await createUser(t.db(), 'admin');
    const adminHttp = await signIn(t.url(), admin, clock);
    const created = await adminHttp.post('/api/staff-accounts', {
      username: 'nadia.officer',
      fullName: 'Nadia Tremblay',
      displayName: 'Nadia',
      role: 'officer',
    });
    expect(created.status).toBe(201);

    const http = new HttpSession(t.url());
    const login = await http.post('/api/auth/login', { username: 'nadia.officer', password: created.data.temporaryPassword });
    expect(login.data.stage).toBe('change_password');
    const changed = await http.post('/api/auth/password', {
      currentPassword: created.data.temporaryPassword,
      newPassword: 'northern lights over yellowknife',
    });
    expect(changed.data.stage).toBe('totp_enroll');
    const enrol = await http.post('/api/auth/totp/enrol');
    expect(enrol.data.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrol.data.uri).toMatch(/^otpauth:\/\/totp\//);
    const code = currentTotp(enrol.data.secret, clock.now());
    expect((await http.post('/api/auth/totp/verify', { code: '000000' })).status).toBe(401);
    const ok = await http.post('/api/auth/totp/verify', { code });
    expect(ok.data.stage).toBe('ready');

    const again = new HttpSession(t.url());
    expect(
      (await again.post('/api/auth/login', { username: 'nadia.officer', password: 'northern lights over yellowknife' })).data.stage,
    ).toBe('totp_verify');
    expect((await again.post('/api/auth/totp/verify', { code })).status).toBe(401);
    clock.advance(30_000);
    expect((await again.post('/api/auth/totp/verify', { code: currentTotp(enrol.data.secret, clock.now()) })).data.stage).toBe('ready');
  });
});

describe('sign-out and sockets', () => {
  it('refuses sockets without a session and from a foreign origin', async () => {
    await expect(t.connect()).rejects.toThrow(/unauthenticated/);
    const user = await createUser(t.db(), 'applicant');
    const http = await signIn(t.url(), user, clock);
    await expect(t.connect({ cookie: http.cookieHeader, headers: { origin: 'https://evil.example' } })).rejects.toThrow();
    const socket = await t.connect({ cookie: http.cookieHeader });
    expect(socket.connected).toBe(true);
  });

  it('ends the session and disconnects its sockets at once; the stolen cookie is dead', async () => {
    const user = await createUser(t.db(), 'applicant');
    const http = await signIn(t.url(), user, clock);
    const stolen = http.cookieHeader;
    const socket = await t.connect({ cookie: stolen });
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect((await http.post('/api/auth/logout')).status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
    const thief = new HttpSession(t.url());
    thief.cookies.set('lp_session', stolen.split('=')[1]!);
    expect((await thief.request('/api/auth/me')).status).toBe(401);
    await expect(t.connect({ cookie: stolen })).rejects.toThrow(/unauthenticated/);
  });
});

describe('staff accounts', () => {
  it('lets only admins manage staff; disabling ends the account’s sessions', async () => {
    const admin = await createUser(t.db(), 'admin');
    const officer = await createUser(t.db(), 'officer');
    const officerHttp = await signIn(t.url(), officer, clock);
    expect((await officerHttp.request('/api/staff-accounts')).status).toBe(403);
    expect((await new HttpSession(t.url()).request('/api/staff-accounts')).status).toBe(401);
    const adminHttp = await signIn(t.url(), admin, clock);
    const list = await adminHttp.request('/api/staff-accounts');
    expect(list.data.map((u: { username: string }) => u.username)).toContain(officer.username);
    expect((await adminHttp.post(`/api/staff-accounts/${officer.id}/disable`)).status).toBe(204);
    expect((await officerHttp.request('/api/auth/me')).status).toBe(401);
    expect(
      (await new HttpSession(t.url()).post('/api/auth/login', { username: officer.username, password: officer.password })).status,
    ).toBe(401);
  });
});
