import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from '../db/define-model';

export const roles = ['applicant', 'officer', 'agent', 'admin'] as const;
export type Role = (typeof roles)[number];
export const staffRoles: readonly Role[] = ['officer', 'agent', 'admin'];

/** A person who can sign in. Applicants are created only by accepting an invitation. */
export const userSchema = new Schema(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true, unique: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: roles, required: true },
    /** Given name shown to others (e.g. "Amira joined the conversation"). */
    displayName: { type: String, required: true },
    fullName: { type: String, required: true },
    email: { type: String, default: null },
    lang: { type: String, enum: ['en', 'fr'], default: 'en' },
    /** The applicant's person record; null for staff. Not unique: FerretDB has no sparse indexes. */
    personId: { type: String, default: null, index: true },
    mustChangePassword: { type: Boolean, default: true },
    disabled: { type: Boolean, default: false },
    totpSecret: { type: String, default: null },
    totpPendingSecret: { type: String, default: null },
    /** Last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    passwordChangedAt: { type: Date, default: null },
    /**
     * Sessions are valid only at the account's current generation; ending them all is one `$inc`
     * by `_id` (a filter on `sessions.userId` reads every session on FerretDB 1.x).
     */
    sessionGeneration: { type: Number, default: 0 },
  },
  { versionKey: false },
);

export type UserDoc = InferSchemaType<typeof userSchema>;

export const userModel = defineModel('User', userSchema, 'users');
