import { Hono } from 'hono';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { listMailbox } from '../email/dev-mailbox.sender';
import type { AppEnv } from '../http/app-env';
import { DomainError } from '../http/domain-error';

const mailboxQuery = z.strictObject({
  to: z.string().trim().min(1).max(320).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/**
 * `GET /api/dev/mailbox[?to=address][&limit=n]`: every email the dev transport stored, newest first,
 * each `{ to, subject, text, html, links, sentAt }`. Mount it only when the email sender is the dev one.
 */
export function devMailboxRoutes(db: Connection) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const parsed = mailboxQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.') || 'query', issue.message]));
      throw new DomainError('validation_failed', 'The mailbox query is not valid.', fields);
    }
    c.header('Cache-Control', 'no-store');
    return c.json(await listMailbox(db, parsed.data));
  });
}
