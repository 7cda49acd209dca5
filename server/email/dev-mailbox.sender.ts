import { Schema, type Connection } from 'mongoose';
import { systemClock, type Clock } from '../clock';
import type { EmailSender, OutgoingEmail, SendOptions } from './email';

const devMailboxSchema = new Schema(
  {
    /** The idempotency key: like a real provider, the dev mailbox keeps one message per key. */
    _id: { type: String, required: true },
    to: { type: String, required: true, index: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String, required: true },
    links: { type: [String], default: [] },
    sentAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

/** One message as `GET /api/dev/mailbox` shows it (the public contract). */
export interface MailboxEntry {
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  sentAt: Date;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileDevMailboxModel(db: Connection) {
  return db.model('DevMailboxMessage', devMailboxSchema, 'dev_mailbox');
}

function devMailboxModel(db: Connection): ReturnType<typeof compileDevMailboxModel> {
  return (db.models.DevMailboxMessage as ReturnType<typeof compileDevMailboxModel> | undefined) ?? compileDevMailboxModel(db);
}

/** The development transport: every email is stored in `dev_mailbox` instead of being sent. */
export class DevMailboxSender implements EmailSender {
  readonly kind = 'dev' as const;

  constructor(
    private readonly db: Connection,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Stores the message once per idempotency key; a repeated key keeps the first message and its id. */
  async send(email: OutgoingEmail, { idempotencyKey }: SendOptions): Promise<{ providerId: string }> {
    const { to, subject, text, html, links } = email;
    try {
      await devMailboxModel(this.db).create({ _id: idempotencyKey, to, subject, text, html, links, sentAt: this.clock.now() });
    } catch (err) {
      // A unique `_id` insert is atomic everywhere; a duplicate means this message was already delivered.
      if ((err as { code?: unknown }).code !== 11000) throw err;
    }
    return { providerId: `dev_${idempotencyKey}` };
  }
}

/** The dev mailbox, newest first, optionally only the messages sent to `to`. */
export async function listMailbox(db: Connection, options: { to?: string; limit?: number } = {}): Promise<MailboxEntry[]> {
  // Addresses are compared without regard to case, as mail servers do for the domain.
  const filter = options.to ? { to: { $regex: `^${escapeRegExp(options.to)}$`, $options: 'i' } } : {};
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  const messages = await devMailboxModel(db).find(filter).sort({ sentAt: -1, _id: -1 }).limit(limit).lean();
  return messages.map(({ to, subject, text, html, links, sentAt }) => ({ to, subject, text, html, links, sentAt }));
}
