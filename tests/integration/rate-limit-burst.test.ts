import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { CommandStartedEvent } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../server/auth/rate-limit';
import { userModel } from '../../server/auth/user.model';
import type { DomainError } from '../../server/http/domain-error';
import { answersBeforePhoto } from '../resilience/support/landing-script';
import { createApplicant, createUser, TEST_PASSWORD } from '../fixtures/users';
import { ConversationClient } from '../support/conversation-client';
import { HttpSession } from '../support/http-session';
import { ManualClock, useTestPortal } from '../support/portal';

/**
 * Every limiter against a burst: N >> limit attempts fired at once over real HTTP or real sockets.
 * At most `limit` may get through, whatever the concurrency; the rest are refused with 429 and
 * Retry-After (or a `rate_limited` ack). The limits are written out: they are the documented ones.
 */
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
const t = useTestPortal('rate_limit_burst', { clock });
const photo = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));

// Every test starts in fresh windows (the limiter keeps the windows it has seen in memory).
beforeEach(() => clock.advance(2 * 60 * 60_000));

const burst = <T>(n: number, attempt: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => attempt(i)));
const count = <T>(items: T[], match: (item: T) => boolean) => items.filter(match).length;

function expectRefusedWithRetryAfter(responses: { status: number; headers: Headers }[]) {
  for (const res of responses.filter((r) => r.status === 429)) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

async function passwordOnly(user: { username: string; password: string }) {
  const http = new HttpSession(t.url());
  expect((await http.post('/api/auth/login', { username: user.username, password: user.password })).status).toBe(200);
  return http;
}

describe('the limiter itself', () => {
  it('lets exactly `limit` through when two processes share the database and burst together', async () => {
    const processes = [new RateLimiter(t.db(), clock), new RateLimiter(t.db(), clock)];
    const rule = { limit: 7, windowMs: 15 * 60_000 };
    const outcomes = await burst(200, (i) =>
      processes[i % 2]!.attempt('test:shared', rule).then(
        () => 'in',
        (err: DomainError) => err.code,
      ),
    );
    expect(count(outcomes, (o) => o === 'in')).toBe(7);
    expect(count(outcomes, (o) => o === 'rate_limited')).toBe(193);
  });

  it('gives a slot back, forgets on reset, and starts afresh in the next window', async () => {
    const limiter = new RateLimiter(t.db(), clock);
    const rule = { limit: 2, windowMs: 60_000 };
    const first = await limiter.attempt('test:one', rule);
    await limiter.attempt('test:one', rule);
    await expect(limiter.attempt('test:one', rule)).rejects.toMatchObject({
      code: 'rate_limited',
      fields: { retryAfterSeconds: expect.stringMatching(/^\d+$/) },
    });
    first.release();
    await limiter.attempt('test:one', rule);
    await expect(limiter.attempt('test:one', rule)).rejects.toMatchObject({ code: 'rate_limited' });
    limiter.reset('test:one', rule);
    await limiter.attempt('test:one', rule);
    await limiter.attempt('test:one', rule);
    clock.advance(60_000);
    await limiter.attempt('test:one', rule);
  });

  it('counts all keys or none: a full key refuses the attempt and counts nothing against the others', async () => {
    const limiter = new RateLimiter(t.db(), clock);
    const full = { limit: 1, windowMs: 15 * 60_000 };
    const roomy = { limit: 2, windowMs: 15 * 60_000 };
    await limiter.attempt('test:full', full);
    await expect(
      limiter.attemptAll([
        { key: 'test:roomy', rule: roomy },
        { key: 'test:full', rule: full },
      ]),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    await limiter.attempt('test:roomy', roomy);
    await limiter.attempt('test:roomy', roomy);
    await expect(limiter.attempt('test:roomy', roomy)).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('counts a burst of paired attempts exactly on both keys, across two processes', async () => {
    const processes = [new RateLimiter(t.db(), clock), new RateLimiter(t.db(), clock)];
    const address = { limit: 7, windowMs: 15 * 60_000 };
    const account = { limit: 3, windowMs: 15 * 60_000 };
    const outcomes = await burst(120, (i) =>
      processes[i % 2]!.attemptAll([
        { key: 'test:pair:address', rule: address },
        { key: `test:pair:account:${i % 4}`, rule: account },
      ]).then(
        () => `in:${i % 4}`,
        (err: DomainError) => err.code,
      ),
    );
    const admitted = outcomes.filter((o) => o.startsWith('in:'));
    expect(admitted).toHaveLength(7);
    for (const account of [0, 1, 2, 3]) expect(count(admitted, (o) => o === `in:${account}`)).toBeLessThanOrEqual(3);
    expect(count(outcomes, (o) => o === 'rate_limited')).toBe(113);
  });

  it('keeps a slot given back for this process: taken again without a write, still taken for another process', async () => {
    const here = new RateLimiter(t.db(), clock);
    const there = new RateLimiter(t.db(), clock);
    const rule = { limit: 1, windowMs: 15 * 60_000 };
    const writes = watchSlotWrites();
    try {
      (await here.attempt('test:kept', rule)).release();
      expect(writes()).toEqual(['insert']);
      (await here.attempt('test:kept', rule)).release();
      expect(writes()).toEqual(['insert']);
      await expect(there.attempt('test:kept', rule)).rejects.toMatchObject({ code: 'rate_limited' }); // stricter, never looser
    } finally {
      writes.stop();
    }
  });
});

/** The write commands sent to `rate_limit_slots` since the watch began. */
function watchSlotWrites() {
  const seen: string[] = [];
  const client = t.db().getClient();
  const watch = (event: CommandStartedEvent) => {
    if (event.command[event.commandName] === 'rate_limit_slots' && ['insert', 'update', 'delete'].includes(event.commandName))
      seen.push(event.commandName);
  };
  client.on('commandStarted', watch);
  return Object.assign(() => [...seen], { stop: () => client.off('commandStarted', watch) });
}

describe('sign-in', () => {
  it('writes one limiter command per sign-in (address and account slots in one insert), and none to forget a right password', async () => {
    const user = await createUser(t.db(), 'applicant');
    const writes = watchSlotWrites();
    try {
      expect((await new HttpSession(t.url()).post('/api/auth/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(
        200,
      );
      expect(writes()).toEqual(['insert']);
      expect((await new HttpSession(t.url()).post('/api/auth/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(
        200,
      );
      expect(writes()).toEqual(['insert']); // the slots given back are taken again
    } finally {
      writes.stop();
    }
  });

  it('checks at most 10 wrong passwords per account, however many arrive at once', async () => {
    const user = await createUser(t.db(), 'officer');
    const answers = await burst(40, () =>
      new HttpSession(t.url()).post('/api/auth/login', { username: user.username, password: 'wrong guess number one' }),
    );
    // Exactly: one process counts every attempt it admits, and refuses none it could admit.
    expect(count(answers, (a) => a.status === 401)).toBe(10);
    expect(count(answers, (a) => a.status === 429)).toBe(30);
    expectRefusedWithRetryAfter(answers);
  });

  it('checks at most 50 failed sign-ins per address, spread over many accounts', async () => {
    const answers = await burst(80, (i) =>
      new HttpSession(t.url()).post('/api/auth/login', { username: `nobody-${i}`, password: 'wrong guess number one' }),
    );
    expect(count(answers, (a) => a.status === 401)).toBe(50);
    expect(count(answers, (a) => a.status === 429)).toBe(30);
  });

  it('does not hold a right password against the address', async () => {
    const user = await createUser(t.db(), 'applicant');
    for (let i = 0; i < 55; i++)
      expect((await new HttpSession(t.url()).post('/api/auth/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(
        200,
      );
  });
});

describe('the second factor', () => {
  it('checks at most 5 wrong codes per account, however many arrive at once', async () => {
    const user = await createUser(t.db(), 'officer');
    const http = await passwordOnly(user);
    const answers = await burst(60, (i) => http.post('/api/auth/totp/verify', { code: String(100000 + i) }));
    expect(count(answers, (a) => a.status === 401)).toBeLessThanOrEqual(5);
    expect(count(answers, (a) => a.status === 429)).toBeGreaterThanOrEqual(55);
    expectRefusedWithRetryAfter(answers);
  });

  it('checks at most 20 wrong codes per address, spread over many accounts', async () => {
    const sessions = await Promise.all(Array.from({ length: 6 }, async () => passwordOnly(await createUser(t.db(), 'agent'))));
    const answers = await burst(60, (i) => sessions[i % 6]!.post('/api/auth/totp/verify', { code: String(200000 + i) }));
    expect(count(answers, (a) => a.status === 401)).toBeLessThanOrEqual(20);
  });
});

it('checks at most 5 wrong current passwords per account when changing the password', async () => {
  const user = await createUser(t.db(), 'applicant');
  const http = await passwordOnly(user);
  const answers = await burst(30, (i) =>
    http.post('/api/auth/password', { currentPassword: `not the password ${i}`, newPassword: 'a brand new passphrase 77' }),
  );
  expect(count(answers, (a) => a.status === 422)).toBeLessThanOrEqual(5);
  expect(count(answers, (a) => a.status === 429)).toBeGreaterThanOrEqual(25);
  expectRefusedWithRetryAfter(answers);
});

it('answers at most 30 guessed invitation tokens per address', async () => {
  const answers = await burst(100, () =>
    new HttpSession(t.url()).request(`/api/invitations/${randomUUID().replace(/-/g, '').padEnd(43, 'A')}`),
  );
  expect(count(answers, (a) => a.status !== 429)).toBeLessThanOrEqual(30);
  expect(count(answers, (a) => a.status === 429)).toBeGreaterThanOrEqual(70);
  expectRefusedWithRetryAfter(answers);
});

it('answers at most 60 document checks per address', async () => {
  const answers = await burst(150, () => new HttpSession(t.url()).request('/api/verify/ECOPR-2345-6789-ABCD'));
  expect(count(answers, (a) => a.status === 200)).toBeLessThanOrEqual(60);
  expect(count(answers, (a) => a.status === 429)).toBeGreaterThanOrEqual(90);
  expectRefusedWithRetryAfter(answers);
});

it('counts the TCP peer, not a forged X-Forwarded-For, when no proxy is trusted', async () => {
  const answers = await burst(100, (i) =>
    new HttpSession(t.url()).request('/api/verify/ECOPR-2345-6789-ABCD', { headers: { 'x-forwarded-for': `203.0.113.${i}` } }),
  );
  expect(count(answers, (a) => a.status === 200)).toBeLessThanOrEqual(60);
});

describe('per person, on every socket and tab at once', () => {
  async function applicantAt(step: 'welcome' | 'photo', lang: 'en' | 'fr' = 'en') {
    const user = await createApplicant(t.db(), { lang });
    await userModel(t.db()).updateOne({ _id: user.id }, { $set: { lang } });
    const http = await passwordOnly(user);
    const tabs = [
      new ConversationClient(await t.connect({ cookie: http.cookieHeader })),
      new ConversationClient(await t.connect({ cookie: http.cookieHeader })),
    ];
    await tabs[0]!.sync();
    if (step === 'photo') for (const event of answersBeforePhoto) await tabs[0]!.must(event);
    return { http, tabs };
  }
  const upload = (http: HttpSession) =>
    http.request('/api/photos', { method: 'PUT', body: new Uint8Array(photo), headers: { 'content-type': 'application/octet-stream' } });

  it('takes at most 30 chat messages a minute, refused in the applicant’s language', async () => {
    const { tabs } = await applicantAt('welcome', 'fr');
    const acks = await burst(90, (i) => tabs[i % 2]!.text(`bonjour ${i}`));
    expect(count(acks, (a) => a.ok)).toBeLessThanOrEqual(30);
    const refused = acks.filter((a) => !a.ok && a.error.code === 'rate_limited');
    expect(refused.length).toBeGreaterThanOrEqual(60);
    expect(refused[0]).toMatchObject({
      error: { message: expect.stringMatching(/^Trop de tentatives/), fields: { retryAfterSeconds: expect.any(String) } },
    });
  });

  it('takes at most 5 help requests an hour', async () => {
    const { tabs } = await applicantAt('welcome');
    const acks = await burst(30, (i) => tabs[i % 2]!.answer({ type: i % 2 ? 'REQUEST_HELP' : 'CANCEL_HELP' } as never));
    expect(count(acks, (a) => a.ok || a.error.code !== 'rate_limited')).toBeLessThanOrEqual(5 + 15); // cancels are not counted
    expect(count(acks, (a) => !a.ok && a.error.code === 'rate_limited')).toBeGreaterThanOrEqual(10);
  });

  it('stores at most 10 photos an hour, and only while the conversation asks for one', async () => {
    const early = await applicantAt('welcome');
    const notNow = await upload(early.http);
    expect(notNow.status).toBe(422);
    expect(notNow.data).toMatchObject({ code: 'event_refused', fields: { photo: 'not_now' } });

    const { http, tabs } = await applicantAt('photo');
    const answers = await burst(25, () => upload(http));
    expect(count(answers, (a) => a.status === 201)).toBeLessThanOrEqual(10);
    expect(count(answers, (a) => a.status === 429)).toBeGreaterThanOrEqual(15);
    expectRefusedWithRetryAfter(answers);
    const stored = answers.find((a) => a.status === 201)!.data.photoId as string;
    await tabs[0]!.must({ type: 'PHOTO_UPLOADED', photoId: stored });
    clock.advance(61 * 60_000); // a new hour: the limit is not what refuses the next one
    expect((await upload(http)).data).toMatchObject({ code: 'event_refused', fields: { photo: 'not_now' } });
  });
});
