import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/clock';
import { DevMailboxSender } from '../../server/email/dev-mailbox.sender';
import type { OutgoingEmail } from '../../server/email/email';
import { DomainError } from '../../server/http/domain-error';
import { devMailboxRoutes } from '../../server/routes/dev-mailbox';
import { useTestDatabase } from '../support/database';

const db = useTestDatabase('dev_mailbox');

function mailboxApi() {
  const app = new Hono().route('/api/dev/mailbox', devMailboxRoutes(db()));
  app.onError((err, c) => (err instanceof DomainError ? c.json(err.toJSON(), err.status) : c.json({ code: 'internal' }, 500)));
  return app;
}

function message(to: string, n: number): OutgoingEmail {
  return { to, subject: `Subject ${n}`, text: `Text ${n}`, html: `<p>Text ${n}</p>`, links: [`http://localhost:3000/l/${n}`] };
}

describe('GET /api/dev/mailbox', () => {
  it('lists every stored email, newest first, in the public shape', async () => {
    const clock = new ManualClock();
    const sender = new DevMailboxSender(db(), clock);
    await sender.send(message('ana@example.com', 1), { idempotencyKey: 'a' });
    clock.advance(1000);
    await sender.send(message('Bo@Example.com', 2), { idempotencyKey: 'b' });
    await sender.send(message('ana@example.com', 3), { idempotencyKey: 'a' }); // same key: not stored again

    const res = await mailboxApi().request('/api/dev/mailbox');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>[];
    expect(body).toEqual([
      { ...message('Bo@Example.com', 2), sentAt: '2026-06-01T12:00:01.000Z' },
      { ...message('ana@example.com', 1), sentAt: '2026-06-01T12:00:00.000Z' },
    ]);
  });

  it('filters by recipient, ignoring case, and validates the query', async () => {
    const sender = new DevMailboxSender(db());
    await sender.send(message('ana@example.com', 1), { idempotencyKey: 'a' });
    await sender.send(message('bo@example.com', 2), { idempotencyKey: 'b' });
    await sender.send(message('ana.x@example.com', 3), { idempotencyKey: 'c' });

    const res = await mailboxApi().request(`/api/dev/mailbox?to=${encodeURIComponent('ANA@example.com')}`);
    expect(((await res.json()) as { subject: string }[]).map((m) => m.subject)).toEqual(['Subject 1']);
    const bad = await mailboxApi().request('/api/dev/mailbox?limit=lots');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: 'validation_failed', fields: { limit: expect.any(String) } });
  });
});
