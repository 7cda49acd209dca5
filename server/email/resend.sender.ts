import { Resend, type ErrorResponse } from 'resend';
import { EmailSendError, type EmailSender, type OutgoingEmail, type SendOptions } from './email';

export interface ResendSenderOptions {
  apiKey: string;
  /** The sender, e.g. `Landing Portal <no-reply@landing.example.ca>` (config `EMAIL_FROM`). */
  from: string;
  /** Another API address (a test stand-in); the SDK otherwise uses `RESEND_BASE_URL` or api.resend.com. */
  baseUrl?: string;
  /** A send that takes longer is abandoned and retried later with the same idempotency key. */
  timeoutMs?: number;
}

/** Errors worth trying again: network trouble, rate limits and quotas, server errors, a duplicate in flight. */
const RETRYABLE_NAMES = new Set([
  'rate_limit_exceeded',
  'daily_quota_exceeded',
  'monthly_quota_exceeded',
  'concurrent_idempotent_requests',
  'internal_server_error',
]);

/** Maps a Resend error answer to an EmailSendError that says whether a retry can help. */
export function toSendError(error: ErrorResponse): EmailSendError {
  const status = typeof error.statusCode === 'number' ? error.statusCode : null;
  // No status means the request never got an answer (network, timeout): the key makes a retry safe.
  const retryable = status === null || status === 429 || status >= 500 || RETRYABLE_NAMES.has(error.name);
  return new EmailSendError(`Resend ${status ?? 'network'} ${error.name}: ${error.message}`, retryable, status);
}

/** Sends through Resend's API. The idempotency key makes a repeated send after a crash harmless (Resend keeps keys for 24 h). */
export class ResendSender implements EmailSender {
  readonly kind = 'resend' as const;
  /**
   * Resend allows 2 requests a second per team by default, shared by every process and API key
   * (resend.com/docs/api-reference/rate-limit); 1.5 leaves room for a second portal process.
   */
  readonly sendsPerSecond = 1.5;
  private readonly client: Resend;

  constructor(private readonly options: ResendSenderOptions) {
    this.client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  }

  /** Sends one message; throws EmailSendError (retryable or permanent) when Resend does not accept it. */
  async send(email: OutgoingEmail, { idempotencyKey }: SendOptions): Promise<{ providerId: string }> {
    const { data, error } = await this.client.emails.send(
      { from: this.options.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
      { idempotencyKey, signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) },
    );
    if (error) throw toSendError(error);
    if (!data?.id) throw new EmailSendError('Resend accepted the message but returned no id', true);
    return { providerId: data.id };
  }
}
