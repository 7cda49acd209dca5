import { isValidObjectId, type Connection } from 'mongoose';
import { z } from 'zod';
import { systemClock, type Clock } from '../clock';
import { clockObjectId, derivedObjectId } from '../db/derived-id';
import { insertNew } from '../db/insert-new';
import { DomainError } from '../http/domain-error';
import { outgoingEmailSchema, type OutgoingEmail } from './email';
import { emailKinds, outboxModel, type EmailKind, type OutboxStatus } from './outbox.model';

export { OutboxWorker, type OutboxWorkerOptions, type ProcessResult } from './outbox.worker';

export interface EnqueueOptions {
  kind: EmailKind;
  personId?: string;
  caseId?: string;
}

/** What officers and services see of an outbox message; never its body (it may hold a password). */
export interface OutboxEntry {
  id: string;
  kind: EmailKind;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  personId: string | null;
  caseId: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
  providerId: string | null;
}

const enqueueOptionsSchema = z.strictObject({
  kind: z.enum(emailKinds),
  personId: z.string().min(1).max(100).optional(),
  caseId: z.string().min(1).max(100).optional(),
});

function fieldErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(error.issues.map((issue) => [issue.path.join('.') || '(email)', issue.message]));
}

function toEntry(doc: Record<string, unknown>): OutboxEntry {
  const { _id, kind, to, subject, status, attempts, lastError, personId, caseId, createdAt, nextAttemptAt, sentAt, failedAt, providerId } =
    doc as Omit<OutboxEntry, 'id'> & { _id: unknown };
  return {
    id: String(_id),
    kind,
    to,
    subject,
    status,
    attempts,
    lastError,
    personId,
    caseId,
    createdAt,
    nextAttemptAt,
    sentAt,
    failedAt,
    providerId,
  };
}

/** Every email goes through here: stored first, then delivered by an OutboxWorker, with retries. */
export class Outbox {
  constructor(
    private readonly db: Connection,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Validates and stores an email as `pending`, due now. Returns its id, which is also the
   * idempotency key its delivery uses. Throws DomainError `validation_failed` and stores nothing
   * when the email or the options are invalid.
   */
  async enqueue(email: OutgoingEmail, options: EnqueueOptions): Promise<string> {
    // The id starts with the portal's clock, like the ids `enqueueMany` derives, then a counter, so
    // ids sort in the order messages were queued (even within one millisecond of a fixed test clock).
    const created = await outboxModel(this.db).create({
      _id: clockObjectId(this.clock.now()),
      ...this.message(email, options),
    });
    return String(created._id);
  }

  /**
   * Stores many emails at once (a CSV import's invitations), each under an `_id` derived from what
   * it is (`derivedObjectId` of `key`, `at` and `rank`), so a resumed import never queues one twice.
   * All are checked before any is stored. Returns the positions of the emails that were queued already.
   */
  async enqueueMany(
    messages: { key: string; at: Date; rank: number; email: OutgoingEmail; options: EnqueueOptions }[],
  ): Promise<Set<number>> {
    const docs = messages.map(({ key, at, rank, email, options }) => ({
      _id: derivedObjectId(`email:${key}`, at, rank),
      ...this.message(email, options),
    }));
    return insertNew(outboxModel(this.db), docs);
  }

  /** The document of a new message, due now; throws `validation_failed` for an invalid email or options. */
  private message(email: OutgoingEmail, options: EnqueueOptions) {
    const parsedEmail = outgoingEmailSchema.safeParse(email);
    if (!parsedEmail.success) throw new DomainError('validation_failed', 'The email is not valid.', fieldErrors(parsedEmail.error));
    const parsedOptions = enqueueOptionsSchema.safeParse(options);
    if (!parsedOptions.success)
      throw new DomainError('validation_failed', 'The email options are not valid.', fieldErrors(parsedOptions.error));
    const now = this.clock.now();
    return {
      ...parsedEmail.data,
      kind: parsedOptions.data.kind,
      personId: parsedOptions.data.personId ?? null,
      caseId: parsedOptions.data.caseId ?? null,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    };
  }

  /** One message's delivery state, or null when there is no such message. */
  async find(id: string): Promise<OutboxEntry | null> {
    if (!isValidObjectId(id)) return null;
    const doc = await outboxModel(this.db).findById(id).lean();
    return doc ? toEntry(doc) : null;
  }

  /** Messages that gave up, newest failure first, for officers to look at and retry. */
  async listFailed(limit = 100): Promise<OutboxEntry[]> {
    const docs = await outboxModel(this.db).find({ status: 'failed' }).sort({ failedAt: -1, _id: -1 }).limit(limit).lean();
    return docs.map(toEntry);
  }

  /**
   * Puts a failed message back in the queue, due now, with a fresh set of attempts.
   * Throws `not_found` for an unknown id and `conflict` when the message is not failed.
   */
  async retryFailed(id: string): Promise<void> {
    if (!isValidObjectId(id)) throw new DomainError('not_found', 'No such email.');
    const model = outboxModel(this.db);
    const result = await model.updateOne(
      { _id: id, status: 'failed' },
      { $set: { status: 'pending', attempts: 0, nextAttemptAt: this.clock.now(), failedAt: null } },
    );
    if (result.matchedCount === 1) return;
    if (await model.exists({ _id: id })) throw new DomainError('conflict', 'Only a failed email can be retried.');
    throw new DomainError('not_found', 'No such email.');
  }

  /** How many messages still wait for delivery (pending or being sent). */
  async outboxDepth(): Promise<number> {
    return outboxModel(this.db).countDocuments({ status: { $in: ['pending', 'sending'] } });
  }
}
