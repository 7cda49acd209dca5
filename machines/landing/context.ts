import type { Address, CaseFlag, ChangeQuestion, EditableSection, PhotoRejectionReason, YesNo } from '../../src/lib/shared/landing';
import { changeQuestions } from '../../src/lib/shared/landing';

/** The person this conversation belongs to, as the officer registered them. */
export interface Person {
  givenName: string;
  familyName: string;
  /** `YYYY-MM-DD` */
  dateOfBirth: string;
  /** 8 or 10 digits, with or without dashes. */
  uci: string;
}

export interface LandingInput {
  person: Person;
}

export type PhotoStatus = 'none' | 'uploaded' | 'approved' | 'rejected';
export type HelpStatus = 'none' | 'requested' | 'agentJoined';

/**
 * Everything the applicant answered and what staff decided. Plain JSON only (strings, numbers,
 * booleans, null, arrays, objects with fixed keys): it is persisted as is in MongoDB/FerretDB.
 * Timestamps are the server's ISO `at` of the event that set them.
 */
export interface LandingContext {
  person: Person;
  /** When the applicant entered the current top-level step (for "time in step"). */
  stepEnteredAt: string | null;
  acknowledgedAt: string | null;
  identity: { answer: YesNo | null; at: string | null };
  presence: { inCanada: YesNo | null; entryDate: string | null; declaredAt: string | null; leftCanadaAt: string | null };
  changes: { answers: Record<ChangeQuestion, YesNo | null>; explanation: string | null };
  residentialAddress: Address | null;
  mailing: { sameAsResidential: boolean | null; address: Address | null };
  photo: {
    id: string | null;
    status: PhotoStatus;
    uploadedAt: string | null;
    reviewedAt: string | null;
    rejection: { reason: PhotoRejectionReason; note: string | null } | null;
  };
  signature: string | null;
  signedAt: string | null;
  /** The section being changed from the review step; the conversation returns to review after it. */
  editing: EditableSection | null;
  /** Open flags: the case cannot be confirmed while any is open. */
  flags: CaseFlag[];
  resolvedFlags: { flag: CaseFlag; note: string; at: string }[];
  /** The latest referral by a support agent (its flag is `referred`); absent in cases saved before referrals. */
  referral?: Referral | null;
  help: { requestedAt: string | null; agentName: string | null; joinedAt: string | null };
  confirmation: { documentNumber: string; prDate: string; confirmedAt: string; downloadUntil: string } | null;
}

export interface Referral {
  agentName: string;
  note: string;
  at: string;
}

const noChangeAnswers = () =>
  Object.fromEntries(changeQuestions.map((question) => [question, null])) as Record<ChangeQuestion, YesNo | null>;

export const emptyPresence = (): LandingContext['presence'] => ({
  inCanada: null,
  entryDate: null,
  declaredAt: null,
  leftCanadaAt: null,
});
export const emptyChanges = (): LandingContext['changes'] => ({ answers: noChangeAnswers(), explanation: null });
export const emptyHelp = (): LandingContext['help'] => ({ requestedAt: null, agentName: null, joinedAt: null });

export function initialContext({ person }: LandingInput): LandingContext {
  return {
    person: { ...person },
    stepEnteredAt: null,
    acknowledgedAt: null,
    identity: { answer: null, at: null },
    presence: emptyPresence(),
    changes: emptyChanges(),
    residentialAddress: null,
    mailing: { sameAsResidential: null, address: null },
    photo: { id: null, status: 'none', uploadedAt: null, reviewedAt: null, rejection: null },
    signature: null,
    signedAt: null,
    editing: null,
    flags: [],
    resolvedFlags: [],
    referral: null,
    help: emptyHelp(),
    confirmation: null,
  };
}

export const anyChangeDeclared = (context: LandingContext) =>
  changeQuestions.some((question) => context.changes.answers[question] === 'yes');

/** What is still missing, in conversation order; the routing state sends the applicant there. */
export const missing = {
  presence: (c: LandingContext) => c.presence.declaredAt === null,
  changes: (c: LandingContext) => changeQuestions.some((question) => c.changes.answers[question] === null),
  explanation: (c: LandingContext) => anyChangeDeclared(c) && c.changes.explanation === null,
  residential: (c: LandingContext) => c.residentialAddress === null,
  mailing: (c: LandingContext) =>
    c.mailing.sameAsResidential === null || (c.mailing.sameAsResidential === false && c.mailing.address === null),
  photo: (c: LandingContext) => c.photo.id === null,
  signature: (c: LandingContext) => c.signedAt === null,
} as const;
export type MissingPart = keyof typeof missing;

export const withFlag = (flags: CaseFlag[], flag: CaseFlag) => (flags.includes(flag) ? flags : [...flags, flag]);
export const withoutFlag = (flags: CaseFlag[], flag: CaseFlag) => flags.filter((open) => open !== flag);
