import { z } from 'zod';
import type { CaseFlag, Message, StepId, StepInput, EditableSection } from './landing';
import { applicantEventSchema } from './landing/events';
import { clientEventId } from './client-event-id';

/** Who wrote a transcript entry. */
export type EntryAuthor = 'assistant' | 'applicant' | 'agent' | 'system' | 'officer';

/**
 * One entry of a case's append-only log, numbered per case. The transcript stores message keys,
 * never rendered text, so it re-renders in either language.
 */
export interface TranscriptEntry {
  seq: number;
  at: string;
  author: EntryAuthor;
  authorName?: string;
  message: Message;
  /** `staff`: internal (officer decisions, agent notes); never sent to the applicant. */
  visibility: 'all' | 'staff';
}

/** The current question and progress, as the server sends it (the client never computes it). */
export interface CaseView {
  caseId: string;
  /** Last sequence number included in this view. */
  seq: number;
  stateId: string;
  step: StepId;
  stepNumber: number | null;
  totalSteps: number;
  promptKey: string;
  params: Record<string, string | number>;
  input: StepInput;
  editing: EditableSection | null;
  flags: CaseFlag[];
  help: { status: 'none' | 'requested' | 'agentJoined'; agentName: string | null };
  done: boolean;
  lang: 'en' | 'fr';
  photo: { id: string | null; status: string };
  review: { labelKey: string; section: EditableSection | null; value: Message }[];
  /** Once PR is confirmed: the eCOPR, and the address the PR card is mailed to. */
  confirmation: { documentNumber: string; prDate: string; downloadUntil: string; cardAddress: Message | null } | null;
}

export { clientEventId };

export const syncPayload = z.strictObject({ after: z.number().int().min(0).max(1e9) });
export const answerPayload = z.strictObject({ clientEventId, event: applicantEventSchema });
export const textPayload = z.strictObject({ clientEventId, text: z.string().trim().min(1, 'text_required').max(1000, 'text_too_long') });
export const languagePayload = z.strictObject({ lang: z.enum(['en', 'fr']) });

export type SyncPayload = z.infer<typeof syncPayload>;
export type AnswerPayload = z.input<typeof answerPayload>;
export type TextPayload = z.infer<typeof textPayload>;

/** What an applicant's sync or answer is acknowledged with. */
export interface CaseUpdate {
  view: CaseView;
  /** Entries after the client's last seq, in order. */
  entries: TranscriptEntry[];
}
