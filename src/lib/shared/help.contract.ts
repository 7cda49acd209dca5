import { z } from 'zod';
import { referralNote } from './landing/events';
import { editableSections } from './landing/steps';

/** Support agents and the live chat: payloads shared by the agent screen, the chat page and the server. */

export const caseIdSchema = z.string().regex(/^case-[0-9a-f-]{36}$/, 'case_id_invalid');
const messageId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'client_event_id_invalid');

/** A link an agent shares: https only (or the portal's own paths). */
const sharedLink = z
  .string()
  .trim()
  .max(500)
  .refine((url) => /^https:\/\/[^\s]+$/.test(url) || /^\/[A-Za-z0-9/_.-]*$/.test(url), 'link_invalid');

export const agentJoinPayload = z.strictObject({ caseId: caseIdSchema });
export const agentMessagePayload = z.strictObject({
  caseId: caseIdSchema,
  clientEventId: messageId,
  text: z.string().trim().min(1, 'text_required').max(2000, 'text_too_long'),
  link: sharedLink.optional(),
});
export const agentNotePayload = z.strictObject({
  caseId: caseIdSchema,
  text: z.string().trim().min(1, 'text_required').max(2000, 'text_too_long'),
});
export const agentSuggestPayload = z.strictObject({ caseId: caseIdSchema, section: z.enum(editableSections) });
export const helpOutcomes = ['resolved', 'unresolved', 'referred_to_officer', 'transferred'] as const;
export type HelpOutcome = (typeof helpOutcomes)[number];
/** Leaving; "referred to an officer" carries the agent's note for the officer (required then). */
export const agentLeavePayload = z
  .strictObject({ caseId: caseIdSchema, outcome: z.enum(helpOutcomes), note: z.optional(referralNote) })
  .refine((p) => p.outcome !== 'referred_to_officer' || Boolean(p.note), { message: 'note_required', path: ['note'] });

/** A referral an agent made, as their desk follows it: open until an officer resolves the flag. */
export interface ReferralRow {
  caseId: string;
  personName: string;
  note: string;
  referredAt: string;
  open: boolean;
  /** The officer's resolution note, once resolved. */
  resolution: string | null;
  resolvedAt: string | null;
}

/** Typing and read marks: ephemeral, relayed to the other side. Applicants name no case (it is theirs). */
export const typingPayload = z.strictObject({ caseId: caseIdSchema.optional(), typing: z.boolean() });
export const readPayload = z.strictObject({ caseId: caseIdSchema.optional(), seq: z.number().int().min(0).max(1e9) });

export interface ChatSignal {
  caseId: string;
  from: 'applicant' | 'agent';
  name?: string;
}

export interface HelpQueueRow {
  caseId: string;
  personName: string;
  step: string;
  lang: 'en' | 'fr';
  /** When the applicant asked for a person (ISO). */
  requestedAt: string | null;
  status: 'requested' | 'agentJoined';
  /** The agent who took it, when taken. */
  agentName: string | null;
  agentId: string | null;
}
