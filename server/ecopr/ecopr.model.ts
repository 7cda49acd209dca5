import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from '../db/define-model';

/**
 * An issued electronic Confirmation of Permanent Residence (eCOPR). The `_id` is the document
 * number printed on the PDF and encoded in its QR code; a case has at most one (unique `caseId`).
 * It keeps what the PDF prints, so the PDF can be rendered again, identically, on every download.
 */
export const ecoprSchema = new Schema(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true, unique: true },
    personId: { type: String, required: true, index: true },
    /** Empty for a person with one name only. */
    givenName: { type: String, default: '' },
    familyName: { type: String, required: true },
    /** What the public verification page shows of the holder, e.g. `Z. L.-T.`. */
    initials: { type: String, required: true },
    /** `YYYY-MM-DD`. */
    dateOfBirth: { type: String, required: true },
    /** Digits only; printed with `formatUci`. */
    uci: { type: String, required: true },
    applicationNumber: { type: String, required: true },
    /** The date the person became a permanent resident, `YYYY-MM-DD`. */
    prDate: { type: String, required: true },
    /** Where the PR card will be mailed, as one printable line. */
    mailingAddress: { type: String, required: true },
    lang: { type: String, enum: ['en', 'fr'], required: true },
    issuedAt: { type: Date, required: true },
    /** `issuedAt` + 30 days: the applicant can download the PDF until then. */
    downloadUntil: { type: Date, required: true },
  },
  { versionKey: false },
);

export type EcoprDoc = InferSchemaType<typeof ecoprSchema>;

export const ecoprModel = defineModel('Ecopr', ecoprSchema, 'ecoprs');
