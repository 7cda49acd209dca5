import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from '../db/define-model';

/** One audited action: who, what, when (UTC), from where, on which case. Append-only. */
export const auditEntrySchema = new Schema(
  {
    at: { type: Date, required: true, index: true },
    action: { type: String, required: true, index: true },
    actorId: { type: String, default: null },
    actorRole: { type: String, default: null },
    actorName: { type: String, default: null },
    ip: { type: String, default: null },
    caseId: { type: String, default: null, index: true },
    target: { type: String, default: null },
    /** Free-form details; never tokens or passwords (see `record`). */
    details: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false },
);

export type AuditEntry = InferSchemaType<typeof auditEntrySchema>;

export const auditModel = defineModel('AuditEntry', auditEntrySchema, 'audit_log');
