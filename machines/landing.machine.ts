import type { EditableSection } from '../src/lib/shared/landing';
import { editableSections } from '../src/lib/shared/landing';
import { initialContext } from './landing/context';
import { helpRegion } from './landing/help.region';
import { script } from './landing/meta';
import { landingSetup } from './landing/setup';

export type { LandingContext, LandingInput, Person, PhotoStatus, HelpStatus, Referral } from './landing/context';
export type { LandingEvent, LandingEventType, LandingEventOf } from './landing/events';
export type { StepMeta } from './landing/meta';
export { describeState, type LandingSnapshot, type StepView } from './landing/describe';
export { answerEcho, eventNotice } from './landing/echo';
export { explainRejection, rejectionCodes, rejectionMessageKey, type Rejection } from './landing/rejection';
export { addressMessage, maskUci, reviewSummary, type ReviewItem } from './landing/summary';

const ROUTING = '#landing.flow.routing';

/** Leaving Canada: reported from the presence step on, until confirmation. */
const reportLeftCanada = { target: '#landing.flow.outsideCanada', actions: 'leaveCanada' } as const;

const editTargets: Record<EditableSection, string> = {
  presence: '#landing.flow.presence',
  changes: '#landing.flow.changes',
  residential: '#landing.flow.residential',
  mailing: '#landing.flow.mailing',
  photo: '#landing.flow.photo',
};

const changeStep = (question: 'marital' | 'dependants' | 'criminal', next: string, meta: (typeof script)['marital']) =>
  ({
    meta,
    on: { ANSWER_CHANGE: { guard: { type: 'questionIs', params: { question } }, target: next, actions: 'recordChange' } },
  }) as const;

/**
 * The applicant's guided conversation (DESIGN.md §3), pure: no UI, database or network.
 * Two parallel regions: `flow` (the steps) and `help` (asking for a person). Every state of
 * `flow` where the conversation can rest has a `meta` (see `describeState`). After each answered
 * section the transient `routing` state sends the applicant to the first unanswered part, so a
 * section changed from review returns to review, and coming back to Canada resumes where it stopped.
 */
export const landingMachine = landingSetup.createMachine({
  id: 'landing',
  type: 'parallel',
  context: ({ input }) => initialContext(input),
  states: {
    flow: {
      initial: 'welcome',
      on: {
        FLAG_RESOLVED: { guard: 'flagOpen', actions: 'resolveFlag' },
        REFERRED: { guard: 'notConfirmed', actions: 'refer' },
      },
      states: {
        welcome: {
          meta: script.welcome,
          on: { ACKNOWLEDGE: { target: 'identity', actions: 'acknowledge' } },
        },
        identity: {
          meta: script.identity,
          entry: 'enterStep',
          on: {
            CONFIRM_IDENTITY: [
              { guard: { type: 'answerIs', params: { answer: 'yes' } }, target: 'routing', actions: 'confirmIdentity' },
              {
                target: 'identityMismatch',
                actions: ['confirmIdentity', { type: 'raiseFlag', params: { flag: 'identity_mismatch' } }],
              },
            ],
          },
        },
        identityMismatch: {
          meta: script.identityMismatch,
          entry: 'enterStep',
          on: {
            FLAG_RESOLVED: {
              guard: { type: 'resolvesFlag', params: { flag: 'identity_mismatch' } },
              target: 'identity',
              actions: 'resolveFlag',
            },
          },
        },
        presence: {
          initial: 'inCanada',
          entry: 'enterStep',
          on: { REPORT_LEFT_CANADA: reportLeftCanada },
          states: {
            inCanada: {
              meta: script.inCanada,
              on: {
                ANSWER_IN_CANADA: [
                  { guard: { type: 'answerIs', params: { answer: 'yes' } }, target: 'entryDate', actions: 'confirmInCanada' },
                  { target: '#landing.flow.outsideCanada', actions: 'leaveCanada' },
                ],
              },
            },
            entryDate: {
              meta: script.entryDate,
              on: { ANSWER_ENTRY_DATE: { guard: 'entryDateAcceptable', target: 'declaration', actions: 'recordEntryDate' } },
            },
            declaration: {
              meta: script.declaration,
              on: { DECLARE_PRESENCE: { target: ROUTING, actions: 'declarePresence' } },
            },
          },
        },
        outsideCanada: {
          meta: script.outsideCanada,
          entry: 'enterStep',
          on: { BACK_IN_CANADA: { target: 'presence', actions: 'backInCanada' } },
        },
        changes: {
          initial: 'marital',
          entry: 'enterStep',
          on: { REPORT_LEFT_CANADA: reportLeftCanada },
          states: {
            marital: changeStep('marital', 'dependants', script.marital),
            dependants: changeStep('dependants', 'criminal', script.dependants),
            criminal: changeStep('criminal', 'medical', script.criminal),
            medical: {
              meta: script.medical,
              on: {
                ANSWER_CHANGE: {
                  guard: { type: 'questionIs', params: { question: 'medical' } },
                  target: ROUTING,
                  actions: ['recordChange', 'syncChangesFlag'],
                },
              },
            },
            explanation: {
              meta: script.explanation,
              on: { EXPLAIN_CHANGES: { target: ROUTING, actions: 'recordExplanation' } },
            },
          },
        },
        residential: {
          meta: script.residential,
          entry: 'enterStep',
          on: {
            SUBMIT_ADDRESS: {
              guard: { type: 'addressAcceptable', params: { kind: 'residential' } },
              target: 'routing',
              actions: 'recordAddress',
            },
            REPORT_LEFT_CANADA: reportLeftCanada,
          },
        },
        mailing: {
          initial: 'choice',
          entry: 'enterStep',
          on: { REPORT_LEFT_CANADA: reportLeftCanada },
          states: {
            choice: {
              meta: script.mailingChoice,
              on: {
                MAILING_SAME_AS_RESIDENTIAL: [
                  { guard: 'sameAddress', target: ROUTING, actions: 'recordMailingChoice' },
                  { target: 'address', actions: 'recordMailingChoice' },
                ],
              },
            },
            address: {
              meta: script.mailingAddress,
              on: {
                SUBMIT_ADDRESS: {
                  guard: { type: 'addressAcceptable', params: { kind: 'mailing' } },
                  target: ROUTING,
                  actions: 'recordAddress',
                },
              },
            },
          },
        },
        photo: {
          meta: script.photo,
          entry: 'enterStep',
          on: {
            PHOTO_UPLOADED: { target: 'routing', actions: 'recordPhoto' },
            REPORT_LEFT_CANADA: reportLeftCanada,
          },
        },
        review: {
          meta: script.review,
          entry: 'enterStep',
          on: {
            EDIT: editableSections.map((section) => ({
              guard: { type: 'editSectionIs', params: { section } },
              target: editTargets[section],
              actions: 'startEditing',
            })),
            SIGN: { guard: 'signatureMatches', target: 'routing', actions: 'sign' },
            REPORT_LEFT_CANADA: reportLeftCanada,
          },
        },
        submitted: {
          meta: script.submitted,
          entry: 'enterStep',
          on: {
            PHOTO_APPROVED: { guard: { type: 'photoReviewable', params: { decision: 'approve' } }, actions: 'reviewPhoto' },
            PHOTO_REJECTED: {
              guard: { type: 'photoReviewable', params: { decision: 'reject' } },
              target: 'photoRejected',
              actions: 'reviewPhoto',
            },
            PR_CONFIRMED: { guard: 'canConfirm', target: 'confirmed', actions: 'confirm' },
            REPORT_LEFT_CANADA: reportLeftCanada,
          },
        },
        photoRejected: {
          meta: script.photoRejected,
          entry: 'enterStep',
          on: {
            PHOTO_UPLOADED: { target: 'routing', actions: 'recordPhoto' },
            REPORT_LEFT_CANADA: reportLeftCanada,
          },
        },
        confirmed: {
          meta: script.confirmed,
          entry: 'enterStep',
          type: 'final',
        },
        /** Transient: never rests here. Sends the applicant to the first part still missing. */
        routing: {
          always: [
            { guard: { type: 'isMissing', params: { part: 'presence' } }, target: 'presence' },
            { guard: { type: 'isMissing', params: { part: 'changes' } }, target: 'changes' },
            { guard: { type: 'isMissing', params: { part: 'explanation' } }, target: 'changes.explanation' },
            { guard: { type: 'isMissing', params: { part: 'residential' } }, target: 'residential' },
            { guard: { type: 'isMissing', params: { part: 'mailing' } }, target: 'mailing' },
            { guard: { type: 'isMissing', params: { part: 'photo' } }, target: 'photo' },
            { guard: { type: 'isMissing', params: { part: 'signature' } }, target: 'review', actions: 'finishEditing' },
            { guard: 'photoRejected', target: 'photoRejected' },
            { target: 'submitted' },
          ],
        },
      },
    },
    help: helpRegion,
  },
});

export type LandingMachine = typeof landingMachine;
