import { z } from 'zod';

/** One message to one person, ready to hand to a provider. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Every URL the message contains, in order of appearance (tests and the dev mailbox follow them). */
  links: string[];
}

/** What a template produces: everything but the recipient. */
export type EmailContent = Omit<OutgoingEmail, 'to'>;

export interface SendOptions {
  /** Same key, same message: the provider delivers it at most once. The outbox uses its own id. */
  idempotencyKey: string;
}

/** A way to deliver email: the dev mailbox locally, Resend in production. */
export interface EmailSender {
  readonly kind: 'dev' | 'resend';
  /** The provider's request limit, which the outbox worker keeps under (none for the dev mailbox). */
  readonly sendsPerSecond?: number;
  send(email: OutgoingEmail, options: SendOptions): Promise<{ providerId: string }>;
}

/** A provider refused or failed a send. `retryable` tells the outbox whether to try again later. */
export class EmailSendError extends Error {
  override name = 'EmailSendError';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

const webLink = z.url({ protocol: /^https?$/ });
/** A header line: no line breaks, so nothing can be injected into the message headers. */
const headerLine = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(/^[^\r\n]*$/, 'must be a single line');

/** Checks an email before it is stored in the outbox. */
export const outgoingEmailSchema = z.strictObject({
  to: z.email().max(320),
  subject: headerLine,
  text: z.string().min(1).max(100_000),
  html: z.string().min(1).max(200_000),
  links: z.array(webLink).max(50),
});
