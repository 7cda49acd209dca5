import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from '../db/define-model';

/**
 * Moves between the board's steps in one half hour, as one process counted them: `_id` is the
 * bucket's first instant and the process (`2026-12-05T10:30Z/3f9c2a1b`), `entered`/`left` count
 * cases per step, added with `$inc`. The chart sums a bucket's documents; it reads a few hundred by
 * `_id`.
 */
export const stepFlowSchema = new Schema(
  {
    _id: { type: String, required: true },
    entered: { type: Schema.Types.Mixed, default: {} },
    left: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export type StepFlowDoc = InferSchemaType<typeof stepFlowSchema>;
export const stepFlowModel = defineModel('StepFlow', stepFlowSchema, 'step_flow');
