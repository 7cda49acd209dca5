import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from '../db/define-model';

/**
 * One CSV import: the check's report (problems already in the officer's language) and how far the
 * registration of the valid applications has gone. Read by `_id` only, while the page polls it.
 */
export const importJobSchema = new Schema(
  {
    _id: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    state: { type: String, enum: ['running', 'done'], required: true },
    rows: { type: Number, required: true },
    applications: { type: Number, required: true },
    problems: { type: [Schema.Types.Mixed], default: [] },
    alreadyRegistered: { type: [String], default: [] },
    toRegister: { type: Number, required: true },
    registered: { type: Number, default: 0 },
    /** Applications dealt with so far (registered, found registered meanwhile, or failed): the progress bar. */
    handled: { type: Number, default: 0 },
    /** When the registration last moved; a running job silent for long lost its process. */
    movedAt: { type: Date, default: null },
    failed: { type: [Schema.Types.Mixed], default: [] },
  },
  { versionKey: false, minimize: false },
);

export type ImportJobDoc = InferSchemaType<typeof importJobSchema>;
export const importJobModel = defineModel('ImportJob', importJobSchema, 'import_jobs');
