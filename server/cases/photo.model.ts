import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from '../db/define-model';

/** A PR-card photo as stored (re-encoded, metadata stripped). The bytes live in the PhotoStore. */
export const photoSchema = new Schema(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true, index: true },
    userId: { type: String, required: true },
    storageKey: { type: String, required: true },
    width: { type: Number, required: true },
    height: { type: Number, required: true },
    bytes: { type: Number, required: true },
    sha256: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type PhotoDoc = InferSchemaType<typeof photoSchema>;
export const photoModel = defineModel('Photo', photoSchema, 'photos');
