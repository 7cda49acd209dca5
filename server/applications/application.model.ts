import { Schema, type InferSchemaType } from 'mongoose';
import { personRoles } from '../../src/lib/shared/application.schemas';
import { defineModel } from '../db/define-model';

/** An approved PR application, registered by an officer or the department's case system. */
export const applicationSchema = new Schema(
  {
    _id: { type: String, required: true },
    applicationNumber: { type: String, required: true, unique: true },
    registeredAt: { type: Date, required: true },
    registeredBy: { type: String, required: true },
  },
  { versionKey: false },
);

/** One person on an application; each gets their own invitation, account and conversation. */
export const personSchema = new Schema(
  {
    _id: { type: String, required: true },
    applicationId: { type: String, required: true, index: true },
    applicationNumber: { type: String, required: true },
    role: { type: String, enum: personRoles, required: true },
    /** Empty for a person with one name only. */
    givenName: { type: String, default: '' },
    familyName: { type: String, required: true },
    dateOfBirth: { type: String, required: true },
    uci: { type: String, required: true, unique: true },
    email: { type: String, required: true },
    lang: { type: String, enum: ['en', 'fr'], required: true },
    /** The current invitation's state, for the officers' list (history is in `invitations`). */
    invitationState: { type: String, required: true },
    invitationExpiresAt: { type: Date, default: null },
    invitationSentAt: { type: Date, default: null },
    respondedAt: { type: Date, default: null },
    userId: { type: String, default: null },
  },
  { versionKey: false },
);

export type ApplicationDoc = InferSchemaType<typeof applicationSchema>;
export type PersonDoc = InferSchemaType<typeof personSchema>;

export const applicationModel = defineModel('Application', applicationSchema, 'applications');
export const personModel = defineModel('Person', personSchema, 'people');
