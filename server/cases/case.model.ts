import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from '../db/define-model';

/**
 * One person's landing case: the machine snapshot, the per-case sequence and the summary fields the
 * staff board reads. It is a materialised copy of the latest commit in `case_commits`, which is
 * the source of truth (see case-store.ts).
 */
export const caseSchema = new Schema(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true, unique: true },
    /** Null until the person accepts their invitation. */
    userId: { type: String, default: null, index: true },
    invitationState: { type: String, default: 'sent' },
    applicationNumber: { type: String, required: true, index: true },
    personName: { type: String, required: true },
    /** `foldForSearch(personName)`: what the board's name search matches (accents and case ignored). */
    searchName: { type: String },
    uci: { type: String, required: true, index: true },
    lang: { type: String, enum: ['en', 'fr'], required: true },
    /** The persisted XState snapshot, as JSON text (its keys are not ours to constrain). */
    snapshot: { type: String, required: true },
    version: { type: Number, required: true },
    seq: { type: Number, required: true },
    step: { type: String, required: true, index: true },
    stepNumber: { type: Number, default: null },
    stepEnteredAt: { type: Date, required: true },
    lastActivityAt: { type: Date, required: true, index: true },
    /** Board flags: the machine's open flags plus help_requested, photo_waiting, invitation_declined. */
    flags: { type: [String], default: [], index: true },
    helpStatus: { type: String, default: 'none' },
    photoStatus: { type: String, default: 'none' },
    createdAt: { type: Date, required: true },
    /** Every client event applied (`{ id, seqs }`: the entries each produced), so a retry is recognised without a query. */
    events: { type: [Schema.Types.Mixed], default: [] },
  },
  { versionKey: false },
);

export type CaseDoc = InferSchemaType<typeof caseSchema>;
export const caseModel = defineModel('Case', caseSchema, 'cases');

/** The case's append-only log: `_id` is `<caseId>:<seq>`, so a sequence number is used once. */
export const caseEntrySchema = new Schema(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true, index: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    author: { type: String, required: true },
    authorName: { type: String, default: null },
    message: { type: Schema.Types.Mixed, required: true },
    visibility: { type: String, required: true },
    /** The client event that produced this entry, so a retry is recognised. */
    clientEventId: { type: String, default: null, index: true },
    /** The machine event applied, if any (audit and replays). */
    event: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, minimize: false },
);

export type CaseEntryDoc = InferSchemaType<typeof caseEntrySchema>;
export const caseEntryModel = defineModel('CaseEntry', caseEntrySchema, 'case_entries');

export const entryId = (caseId: string, seq: number) => `${caseId}:${String(seq).padStart(9, '0')}`;

/**
 * One commit of a case: version N of the case, with everything it changed. Its `_id`
 * (`<caseId>:<version>`) is the lock: inserting it is atomic on MongoDB and FerretDB alike, so
 * two writers can never both produce version N, across tabs and processes.
 */
export const caseCommitSchema = new Schema(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    version: { type: Number, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    summary: { type: Schema.Types.Mixed, required: true },
    entries: { type: [Schema.Types.Mixed], default: [] },
    /** The client events this commit applied (`{ id, seqs }`), appended to the case's `events`. */
    events: { type: [Schema.Types.Mixed], default: [] },
  },
  { versionKey: false, minimize: false },
);

export const caseCommitModel = defineModel('CaseCommit', caseCommitSchema, 'case_commits');
export const commitId = (caseId: string, version: number) => `${caseId}:${String(version).padStart(9, '0')}`;

/**
 * The case's log again, `PAGE_SIZE` entries to a document (`entries.s<seq>`), so that a transcript
 * is read with one `_id` lookup per page instead of one per entry. A read copy written with every
 * commit: `case_entries` stays the truth, and an entry a page lacks is read from there.
 */
export const transcriptPageSchema = new Schema(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    entries: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export const transcriptPageModel = defineModel('TranscriptPage', transcriptPageSchema, 'case_transcript_pages');
export const PAGE_SIZE = 64;
/** The page holding entry `seq` (1-based): `<caseId>:p<page>`. */
export const pageId = (caseId: string, seq: number) => `${caseId}:p${String(Math.floor((seq - 1) / PAGE_SIZE)).padStart(6, '0')}`;
