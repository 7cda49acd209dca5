import { assertEvent, assign, setup } from 'xstate';
import type { AddressKind, CaseFlag, ChangeQuestion, EditableSection, YesNo } from '../../src/lib/shared/landing';
import { dateOf } from '../../src/lib/shared/landing';
import {
  confirmationProblem,
  entryDateProblem,
  flagProblem,
  photoReviewProblem,
  signatureProblem,
  submittedAddressProblem,
} from './checks';
import {
  anyChangeDeclared,
  emptyChanges,
  emptyHelp,
  emptyPresence,
  missing,
  withFlag,
  withoutFlag,
  type LandingContext,
  type LandingInput,
  type MissingPart,
} from './context';
import type { LandingEvent } from './events';
import type { StepMeta } from './meta';

const DOWNLOAD_DAYS = 30;

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Guards and actions of the landing machine, referenced by name from `landing.machine.ts`. */
export const landingSetup = setup({
  types: {
    context: {} as LandingContext,
    events: {} as LandingEvent,
    input: {} as LandingInput,
    meta: {} as StepMeta,
  },
  guards: {
    answerIs: ({ event }, params: { answer: YesNo }) => 'answer' in event && event.answer === params.answer,
    questionIs: ({ event }, params: { question: ChangeQuestion }) => event.type === 'ANSWER_CHANGE' && event.question === params.question,
    sameAddress: ({ event }) => event.type === 'MAILING_SAME_AS_RESIDENTIAL' && event.same,
    editSectionIs: ({ event }, params: { section: EditableSection }) => event.type === 'EDIT' && event.section === params.section,
    entryDateAcceptable: ({ context, event }) => event.type === 'ANSWER_ENTRY_DATE' && entryDateProblem(context, event) === null,
    addressAcceptable: ({ event }, params: { kind: AddressKind }) =>
      event.type === 'SUBMIT_ADDRESS' && submittedAddressProblem(event, params.kind) === null,
    signatureMatches: ({ context, event }) => event.type === 'SIGN' && signatureProblem(context, event) === null,
    flagOpen: ({ context, event }) => event.type === 'FLAG_RESOLVED' && flagProblem(context, event) === null,
    resolvesFlag: ({ context, event }, params: { flag: CaseFlag }) =>
      event.type === 'FLAG_RESOLVED' && event.flag === params.flag && context.flags.includes(params.flag),
    photoReviewable: ({ context }, params: { decision: 'approve' | 'reject' }) => photoReviewProblem(context, params.decision) === null,
    canConfirm: ({ context, event }) => event.type === 'PR_CONFIRMED' && confirmationProblem(context, event) === null,
    isMissing: ({ context }, params: { part: MissingPart }) => missing[params.part](context),
    photoRejected: ({ context }) => context.photo.status === 'rejected',
    notConfirmed: ({ context }) => context.confirmation === null,
  },
  actions: {
    enterStep: assign({ stepEnteredAt: ({ event }) => (event as Partial<LandingEvent>).at ?? null }),
    acknowledge: assign({ acknowledgedAt: ({ event }) => event.at }),
    confirmIdentity: assign({
      identity: ({ event }) => {
        assertEvent(event, 'CONFIRM_IDENTITY');
        return { answer: event.answer, at: event.at };
      },
    }),
    raiseFlag: assign({ flags: ({ context }, params: { flag: CaseFlag }) => withFlag(context.flags, params.flag) }),
    resolveFlag: assign(({ context, event }) => {
      assertEvent(event, 'FLAG_RESOLVED');
      return {
        flags: withoutFlag(context.flags, event.flag),
        resolvedFlags: [...context.resolvedFlags, { flag: event.flag, note: event.note, at: event.at }],
      };
    }),
    refer: assign(({ context, event }) => {
      assertEvent(event, 'REFERRED');
      return { flags: withFlag(context.flags, 'referred'), referral: { agentName: event.agentName, note: event.note, at: event.at } };
    }),
    confirmInCanada: assign({ presence: ({ context }) => ({ ...context.presence, inCanada: 'yes' as const }) }),
    /** Outside Canada: presence must be declared again, and so must the signature that covered it. */
    leaveCanada: assign(({ context, event }) => ({
      presence: {
        ...emptyPresence(),
        inCanada: 'no' as const,
        leftCanadaAt: event.type === 'REPORT_LEFT_CANADA' ? event.at : context.presence.leftCanadaAt,
      },
      signature: null,
      signedAt: null,
      flags: withFlag(context.flags, 'outside_canada'),
    })),
    backInCanada: assign({ presence: ({ context }) => ({ ...context.presence, inCanada: null }) }),
    recordEntryDate: assign({
      presence: ({ context, event }) => {
        assertEvent(event, 'ANSWER_ENTRY_DATE');
        return { ...context.presence, entryDate: event.date };
      },
    }),
    declarePresence: assign({ presence: ({ context, event }) => ({ ...context.presence, declaredAt: event.at }) }),
    recordChange: assign({
      changes: ({ context, event }) => {
        assertEvent(event, 'ANSWER_CHANGE');
        return { ...context.changes, answers: { ...context.changes.answers, [event.question]: event.answer } };
      },
    }),
    /** Any "yes" needs an officer's review; all "no" withdraws an earlier declaration. */
    syncChangesFlag: assign(({ context }) =>
      anyChangeDeclared(context)
        ? { flags: withFlag(context.flags, 'changes_declared') }
        : { flags: withoutFlag(context.flags, 'changes_declared'), changes: { ...context.changes, explanation: null } },
    ),
    recordExplanation: assign({
      changes: ({ context, event }) => {
        assertEvent(event, 'EXPLAIN_CHANGES');
        return { ...context.changes, explanation: event.text };
      },
    }),
    recordAddress: assign(({ context, event }) => {
      assertEvent(event, 'SUBMIT_ADDRESS');
      return event.kind === 'residential'
        ? { residentialAddress: event.address }
        : { mailing: { ...context.mailing, address: event.address } };
    }),
    recordMailingChoice: assign({
      mailing: ({ event }) => {
        assertEvent(event, 'MAILING_SAME_AS_RESIDENTIAL');
        return { sameAsResidential: event.same, address: null };
      },
    }),
    recordPhoto: assign({
      photo: ({ event }) => {
        assertEvent(event, 'PHOTO_UPLOADED');
        return { id: event.photoId, status: 'uploaded' as const, uploadedAt: event.at, reviewedAt: null, rejection: null };
      },
    }),
    /** Clears the section's answers so it is asked again; the photo stays until a new one arrives. */
    startEditing: assign(({ context, event }) => {
      assertEvent(event, 'EDIT');
      const cleared = {
        presence: { presence: { ...emptyPresence(), leftCanadaAt: context.presence.leftCanadaAt } },
        changes: { changes: emptyChanges() },
        residential: { residentialAddress: null },
        mailing: { mailing: { sameAsResidential: null, address: null } },
        photo: {},
      }[event.section];
      return { ...cleared, editing: event.section };
    }),
    finishEditing: assign({ editing: null }),
    sign: assign(({ event }) => {
      assertEvent(event, 'SIGN');
      return { signature: event.signature, signedAt: event.at };
    }),
    reviewPhoto: assign({
      photo: ({ context, event }) => {
        assertEvent(event, ['PHOTO_APPROVED', 'PHOTO_REJECTED']);
        return event.type === 'PHOTO_APPROVED'
          ? { ...context.photo, status: 'approved' as const, reviewedAt: event.at, rejection: null }
          : {
              ...context.photo,
              status: 'rejected' as const,
              reviewedAt: event.at,
              rejection: { reason: event.reason, note: event.note || null },
            };
      },
    }),
    confirm: assign({
      confirmation: ({ event }) => {
        assertEvent(event, 'PR_CONFIRMED');
        const confirmedAt = event.at;
        return {
          documentNumber: event.documentNumber,
          prDate: event.prDate,
          confirmedAt,
          downloadUntil: addDays(dateOf(confirmedAt), DOWNLOAD_DAYS),
        };
      },
    }),
    requestHelp: assign({ help: ({ event }) => ({ ...emptyHelp(), requestedAt: event.at }) }),
    agentJoined: assign({
      help: ({ context, event }) => {
        assertEvent(event, 'AGENT_JOINED');
        return { ...context.help, agentName: event.agentName, joinedAt: event.at };
      },
    }),
    clearHelp: assign({ help: () => emptyHelp() }),
  },
});
