import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from '../db/define-model';

/**
 * Who took a help request. `_id` is `<caseId>:<requestedAt>`: inserting it is the atomic claim, so
 * two agents (on any processes) can never both take the same request.
 */
export const helpClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true, index: true },
    agentId: { type: String, required: true },
    agentName: { type: String, required: true },
    at: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    outcome: { type: String, default: null },
  },
  { versionKey: false },
);

export type HelpClaimDoc = InferSchemaType<typeof helpClaimSchema>;
export const helpClaimModel = defineModel('HelpClaim', helpClaimSchema, 'help_claims');
