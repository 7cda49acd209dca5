import type { Connection } from 'mongoose';
import { systemClock, type Clock } from '../clock';
import type { Config } from '../config';
import { DevMailboxSender } from './dev-mailbox.sender';
import type { EmailSender } from './email';
import { ResendSender } from './resend.sender';

/**
 * The email transport for this configuration: Resend when `RESEND_API_KEY` is set (from
 * `EMAIL_FROM`), otherwise the development mailbox in the database. Only when this returns the
 * dev sender (`kind === 'dev'`) may `/api/dev/mailbox` be mounted.
 */
export function createEmailSender(
  config: Pick<Config, 'RESEND_API_KEY' | 'EMAIL_FROM'>,
  db: Connection,
  clock: Clock = systemClock,
): EmailSender {
  if (config.RESEND_API_KEY) return new ResendSender({ apiKey: config.RESEND_API_KEY, from: config.EMAIL_FROM });
  return new DevMailboxSender(db, clock);
}
