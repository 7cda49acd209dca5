/**
 * The vocabulary of the guided conversation, shared by the machine, the server and the chat UI.
 * The machine's state `meta` is written in these terms, so the UI can render a question without
 * importing the machine.
 */
import type { ApplicantEvent } from './events';

/** Where the applicant is. The first eight are numbered ("Step n of 8"); the rest are not. */
export const stepIds = [
  'welcome',
  'identity',
  'presence',
  'changes',
  'residential',
  'mailing',
  'photo',
  'review',
  'identityMismatch',
  'outsideCanada',
  'submitted',
  'photoRejected',
  'confirmed',
] as const;
export type StepId = (typeof stepIds)[number];

/** Number of numbered steps, for "Step n of 8". */
export const TOTAL_STEPS = 8;

/** Sections the applicant can change from the review step. */
export const editableSections = ['presence', 'changes', 'residential', 'mailing', 'photo'] as const;
export type EditableSection = (typeof editableSections)[number];

/** The four "any change since approval?" questions, asked in this order. */
export const changeQuestions = ['marital', 'dependants', 'criminal', 'medical'] as const;
export type ChangeQuestion = (typeof changeQuestions)[number];

export const yesNo = ['yes', 'no'] as const;
export type YesNo = (typeof yesNo)[number];

/** Open flags block confirmation until an officer resolves them. */
export const caseFlags = ['identity_mismatch', 'outside_canada', 'changes_declared', 'referred'] as const;
export type CaseFlag = (typeof caseFlags)[number];

export const photoRejectionReasons = ['too_dark', 'background', 'face_not_visible', 'glare', 'wrong_size', 'other'] as const;
export type PhotoRejectionReason = (typeof photoRejectionReasons)[number];

export const addressKinds = ['residential', 'mailing'] as const;
export type AddressKind = (typeof addressKinds)[number];

export type InputKind = 'choice' | 'date' | 'address' | 'photo' | 'signature' | 'text' | 'none';

/**
 * A quick reply. `value` is `yes` / `no` for yes-no questions (also the single "I understand" and
 * "I declare" buttons, which are affirmative), so typed answers can be matched to it.
 */
export interface ChoiceOption {
  value: string;
  labelKey: string;
  /** Sent as is when chosen; the server stamps `at`. */
  event: ApplicantEvent;
}

/**
 * What the applicant answers with. For `choice`, `options` are the answers. For the other kinds,
 * `options` are secondary quick replies shown next to the widget (e.g. "Talk to a person").
 */
export interface StepInput {
  kind: InputKind;
  addressKind?: AddressKind;
  options?: ChoiceOption[];
}

/** A message key with its parameters: what the transcript stores instead of text. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}
