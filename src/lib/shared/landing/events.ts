import { z } from 'zod/mini';
import { addressSchema } from './address';
import { isoDateSchema } from './date-schema';
import { signatureSchema } from './signature';
import { addressKinds, caseFlags, changeQuestions, editableSections, photoRejectionReasons, yesNo } from './steps';

/**
 * Every event the conversation machine accepts, split by who may send it. The server parses a
 * socket payload with the schema of the sender's role only, so an applicant can never send a
 * staff or agent event. Issue messages are stable codes (see `eventProblem`).
 */

const answer = z.enum(yesNo, { error: 'answer_invalid' });
/* @__NO_SIDE_EFFECTS__ */
const event = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });

/** Why an agent hands a case to an officer: staff read it beside the `referred` flag. */
export const referralNote = /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1, 'note_required'), z.maxLength(1000, 'note_too_long'));

export const photoIdSchema = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'photo_id_invalid'));

export const applicantEventSchema = z.discriminatedUnion('type', [
  event('ACKNOWLEDGE', {}),
  event('CONFIRM_IDENTITY', { answer }),
  event('ANSWER_IN_CANADA', { answer }),
  event('ANSWER_ENTRY_DATE', { date: isoDateSchema }),
  event('DECLARE_PRESENCE', {}),
  event('ANSWER_CHANGE', { question: z.enum(changeQuestions), answer }),
  event('EXPLAIN_CHANGES', {
    text: /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1, 'explanation_required'), z.maxLength(2000, 'explanation_too_long')),
  }),
  event('SUBMIT_ADDRESS', { kind: z.enum(addressKinds), address: addressSchema }),
  event('MAILING_SAME_AS_RESIDENTIAL', { same: z.boolean() }),
  event('PHOTO_UPLOADED', { photoId: photoIdSchema }),
  event('EDIT', { section: z.enum(editableSections) }),
  event('SIGN', { signature: signatureSchema }),
  event('REPORT_LEFT_CANADA', {}),
  event('BACK_IN_CANADA', {}),
  event('REQUEST_HELP', {}),
  event('CANCEL_HELP', {}),
]);

export const staffEventSchema = z.discriminatedUnion('type', [
  event('PHOTO_APPROVED', {}),
  /* @__PURE__ */ event('PHOTO_REJECTED', {
    reason: z.enum(photoRejectionReasons),
    note: z.optional(/* @__PURE__ */ z.string().check(z.trim(), z.maxLength(500, 'note_too_long'))),
  }).check(z.refine((e) => e.reason !== 'other' || Boolean(e.note), { message: 'note_required', path: ['note'] })),
  event('FLAG_RESOLVED', {
    flag: z.enum(caseFlags),
    note: /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1, 'note_required'), z.maxLength(1000, 'note_too_long')),
  }),
  event('PR_CONFIRMED', {
    documentNumber: /* @__PURE__ */ z.string().check(z.trim(), z.regex(/^[A-Za-z0-9-]{4,40}$/, 'document_number_invalid')),
    prDate: isoDateSchema,
  }),
]);

export const agentEventSchema = z.discriminatedUnion('type', [
  event('AGENT_JOINED', { agentName: /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1, 'agent_name_required'), z.maxLength(80)) }),
  event('AGENT_LEFT', {}),
  /** "Referred to an officer": raises the `referred` flag with the agent's note. */
  event('REFERRED', {
    agentName: /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1, 'agent_name_required'), z.maxLength(80)),
    note: referralNote,
  }),
]);

export type ApplicantEvent = z.output<typeof applicantEventSchema>;
export type ApplicantEventInput = z.input<typeof applicantEventSchema>;
export type StaffEvent = z.output<typeof staffEventSchema>;
export type AgentEvent = z.output<typeof agentEventSchema>;
export type ApplicantEventType = ApplicantEvent['type'];
export type StaffEventType = StaffEvent['type'];

/** An event as the machine receives it: `at` is the server's ISO timestamp, never the client's. */
export type Stamped<T> = T & { at: string };

/** Codes our schemas put in issue messages; anything else is reported as `invalid_event`. */
const knownCodes = /^[a-z]+(?:_[a-z]+)+$/;

/** The first problem in a failed event parse, as a stable `code` and the offending field. */
export function eventProblem(error: z.core.$ZodError): { code: string; field: string | null } {
  const issue = error.issues[0];
  const field = issue?.path.findLast((part) => typeof part === 'string');
  const code = issue?.message ?? '';
  return { code: knownCodes.test(code) ? code : 'invalid_event', field: typeof field === 'string' ? field : null };
}
