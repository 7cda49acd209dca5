import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from '../db/define-model';

/**
 * Moves between the board's steps in one half hour: `_id` is the bucket's first instant
 * (`2026-12-05T10:30Z`), `entered`/`left` count cases per step. Processes add with `$inc`, so
 * several of them sum correctly; the chart reads a few hundred of these by `_id`.
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
