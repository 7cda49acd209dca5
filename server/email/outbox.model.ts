import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** Why an email is sent; lets officers and metrics tell messages apart. */
export const emailKinds = ['invitation', 'credentials', 'photo_rejected', 'pr_confirmed', 'notice'] as const;
export type EmailKind = (typeof emailKinds)[number];

/** pending → sending → sent; a failed send goes back to pending with a later `nextAttemptAt`, or to failed. */
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** One email waiting for, going through or done with delivery. Its `_id` is the idempotency key. */
export const outboxMessageSchema = new Schema(
  {
    kind: { type: String, enum: emailKinds, required: true },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    /** Bodies and links are cleared once sent: they can hold a temporary password or single-use links. */
    text: { type: String, default: '' },
    html: { type: String, default: '' },
    links: { type: [String], default: [] },
    personId: { type: String, default: null, index: true },
    caseId: { type: String, default: null, index: true },
    status: { type: String, enum: outboxStatuses, required: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    /** While `sending`: after this moment the sender is presumed dead and the message is claimed again. */
    leaseUntil: { type: Date, default: null },
    /** Who holds the current lease (the id of its claim); only that holder may record the outcome. */
    claimToken: { type: String, default: null },
    /** Claims ever made on this message; never reset, so every claim gets a new number. */
    claims: { type: Number, default: 0 },
    lastError: { type: String, default: null },
    providerId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
    failedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
outboxMessageSchema.index({ status: 1, nextAttemptAt: 1 });
outboxMessageSchema.index({ status: 1, leaseUntil: 1 });

export type OutboxMessage = InferSchemaType<typeof outboxMessageSchema>;

/** One claim on one message, `_id` `<messageId>:<claim number>`: inserting it is the lock (see outbox.claim.ts). */
export const outboxClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    messageId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

function compileOutboxModel(db: Connection) {
  return db.model('OutboxMessage', outboxMessageSchema, 'email_outbox');
}

export type OutboxModel = ReturnType<typeof compileOutboxModel>;

/** The `email_outbox` collection's model on this connection. */
export function outboxModel(db: Connection): OutboxModel {
  return (db.models.OutboxMessage as OutboxModel | undefined) ?? compileOutboxModel(db);
}

function compileOutboxClaimModel(db: Connection) {
  return db.model('OutboxClaim', outboxClaimSchema, 'email_outbox_claims');
}

/** The `email_outbox_claims` collection's model on this connection. */
export function outboxClaimModel(db: Connection): ReturnType<typeof compileOutboxClaimModel> {
  return (db.models.OutboxClaim as ReturnType<typeof compileOutboxClaimModel> | undefined) ?? compileOutboxClaimModel(db);
}
