import type { Connection } from 'mongoose';
import { systemClock, type Clock } from '../clock';
import { createLogger, type Logger } from '../logger';
import { EmailSendError, type EmailSender } from './email';
import { claimDueMessages, type ClaimedMessage } from './outbox.claim';
import { outboxModel } from './outbox.model';
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './retry-delay';

export interface OutboxWorkerOptions {
  db: Connection;
  sender: EmailSender;
  clock?: Clock;
  logger?: Logger;
  /** How often `start()` looks for due messages. Default 1 s. */
  pollIntervalMs?: number;
  /** How long a claim lasts; a message still `sending` after that is presumed abandoned. Default 2 min. */
  leaseMs?: number;
  /** Attempts before a message becomes `failed`. Default 10 (about two hours of retries). */
  maxAttempts?: number;
  /** Messages handled per `processDue()` call. Default 25. */
  batchSize?: number;
  retryPolicy?: RetryPolicy;
  /**
   * At most this many sends a second from this worker (none by default): a burst of 2,000
   * invitations sent faster than the provider allows only collects 429 answers, each costing one of
   * the message's attempts.
   */
  sendsPerSecond?: number;
  /** Jitter source, [0, 1). Tests pass `() => 0.5` for exact delays. */
  random?: () => number;
}

export interface ProcessResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Delivers outbox messages. Any number of workers, in any number of processes, may run at once:
 * each claim on a message has exactly one winner and a lease, and only the lease holder records the
 * outcome. A message whose holder died is claimed again when its lease expires; the idempotency key
 * (the message id) keeps the provider from delivering it twice.
 */
export class OutboxWorker {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private lastSendAt = -Infinity;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? createLogger('silent');
  }

  /** Starts polling for due messages. Calling it twice does nothing more. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in progress, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Claims and delivers due messages (and abandoned ones) until none is left or a batch is done. */
  async processDue(): Promise<ProcessResult> {
    const result: ProcessResult = { sent: 0, retried: 0, failed: 0 };
    const batch = await claimDueMessages(this.options.db, this.clock.now(), this.options.leaseMs ?? 120_000, this.options.batchSize ?? 25);
    for (const message of batch) {
      await this.paced();
      result[await this.deliver(message)]++;
    }
    return result;
  }

  /** Waits, when `sendsPerSecond` is set, until the next send keeps this worker under it. */
  private async paced() {
    const rate = this.options.sendsPerSecond;
    if (!rate) return;
    const wait = this.lastSendAt + 1000 / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.lastSendAt = performance.now();
  }

  private schedule(delayMs: number) {
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = undefined));
    }, delayMs);
    this.timer.unref();
  }

  private async tick() {
    let busy = false;
    try {
      const result = await this.processDue();
      busy = result.sent + result.retried + result.failed >= (this.options.batchSize ?? 25);
    } catch (err) {
      this.logger.error({ err }, 'outbox: processing failed');
    }
    if (!this.stopped) this.schedule(busy ? 0 : (this.options.pollIntervalMs ?? 1000));
  }

  private async deliver(message: ClaimedMessage): Promise<keyof ProcessResult> {
    const { to, subject, text, html, links, attempts } = message;
    const id = String(message._id);
    const log = this.logger.child({ outboxId: id, kind: message.kind, attempts });
    let providerId: string;
    try {
      ({ providerId } = await this.options.sender.send({ to, subject, text, html, links }, { idempotencyKey: id }));
    } catch (err) {
      return this.recordFailure(message, err, log);
    }
    // The body may hold a temporary password or single-use links: keep nothing once it is delivered.
    await this.settle(message, { status: 'sent', sentAt: this.clock.now(), providerId, text: '', html: '', links: [] });
    log.info({ providerId }, 'outbox: email sent');
    return 'sent';
  }

  /** Schedules another attempt with backoff, or gives up on a permanent error or the last attempt. */
  private async recordFailure(message: ClaimedMessage, err: unknown, log: Logger): Promise<'retried' | 'failed'> {
    const retryable = !(err instanceof EmailSendError) || err.retryable;
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    if (retryable && message.attempts < (this.options.maxAttempts ?? 10)) {
      const delay = retryDelayMs(message.attempts, this.options.retryPolicy ?? defaultRetryPolicy, this.options.random);
      await this.settle(message, { status: 'pending', nextAttemptAt: new Date(this.clock.now().getTime() + delay), lastError });
      log.warn({ err, retryInMs: delay }, 'outbox: send failed, will retry');
      return 'retried';
    }
    await this.settle(message, { status: 'failed', failedAt: this.clock.now(), lastError });
    log.error({ err, retryable }, 'outbox: send failed for good');
    return 'failed';
  }

  /** Records the outcome, but only while this worker still holds the claim. */
  private async settle(message: ClaimedMessage, fields: Record<string, unknown>) {
    const { modifiedCount } = await outboxModel(this.options.db).updateOne(
      { _id: message._id, claimToken: message.claimToken },
      { $set: { ...fields, leaseUntil: null, claimToken: null } },
    );
    if (modifiedCount === 0) this.logger.warn({ outboxId: String(message._id) }, 'outbox: lease lost before the outcome was recorded');
  }
}
