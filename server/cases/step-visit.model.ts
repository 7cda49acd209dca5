import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from '../db/define-model';

/** One completed stay in a step, for the board's median time per step. `_id` is `<caseId>:<version>`. */
export const stepVisitSchema = new Schema(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    step: { type: String, required: true, index: true },
    enteredAt: { type: Date, required: true },
    leftAt: { type: Date, required: true },
    ms: { type: Number, required: true, index: true },
  },
  { versionKey: false },
);

export type StepVisitDoc = InferSchemaType<typeof stepVisitSchema>;
export const stepVisitModel = defineModel('StepVisit', stepVisitSchema, 'step_visits');
