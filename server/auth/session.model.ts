import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from '../db/define-model';

/**
 * A sign-in session. `_id` is the SHA-256 of the session id in the cookie: a database leak
 * yields no usable session.
 */
export const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true, index: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    /** Staff must pass TOTP before the session is fully usable. */
    mfaVerified: { type: Boolean, default: false },
    ip: { type: String, default: null },
    /** The account's `sessionGeneration` when the session began; a later generation ends it. */
    generation: { type: Number, default: 0 },
  },
  { versionKey: false },
);

export type SessionDoc = InferSchemaType<typeof sessionSchema>;

export const sessionModel = defineModel('Session', sessionSchema, 'sessions');
