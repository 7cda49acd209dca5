import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from '../db/define-model';

/**
 * One invitation email's token. Only its SHA-256 is stored. Single use: the first accept/decline
 * moves it out of `sent` with a filtered update, so a replay finds nothing to claim.
 */
export const invitationSchema = new Schema(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true, index: true },
    tokenHash: { type: String, required: true, unique: true },
    /** sent | accepted | declined | revoked | superseded (expired is derived from `expiresAt`). */
    state: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    respondedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export type InvitationDoc = InferSchemaType<typeof invitationSchema>;
export const invitationModel = defineModel('Invitation', invitationSchema, 'invitations');
