import {
  confirmationProblem,
  entryDateProblem,
  flagProblem,
  photoReviewProblem,
  signatureProblem,
  submittedAddressProblem,
} from './checks';
import type { LandingSnapshot } from './describe';
import type { LandingEvent } from './events';

/** Why the machine refused an event: a stable code, its i18n key, and the field at fault if any. */
export interface Rejection {
  code: string;
  messageKey: string;
  field: string | null;
}

/** The i18n key of a rejection or validation code (`conversation.error.<code>`). */
export const rejectionMessageKey = (code: string) => `conversation.error.${code}`;

const reject = (code: string, field: string | null = null): Rejection => ({ code, messageKey: rejectionMessageKey(code), field });

const NOT_NOW = 'event_not_allowed_now';

/** The reason found by the same check the guard ran, or "not now" when no guard applies. */
function reason(snapshot: LandingSnapshot, event: LandingEvent): Rejection {
  const { context } = snapshot;
  const submitted = snapshot.matches({ flow: 'submitted' });
  switch (event.type) {
    case 'ANSWER_ENTRY_DATE': {
      const problem = snapshot.matches({ flow: { presence: 'entryDate' } }) && entryDateProblem(context, event);
      return problem ? reject(problem, 'date') : reject(NOT_NOW);
    }
    case 'SUBMIT_ADDRESS': {
      const expected = snapshot.matches({ flow: 'residential' })
        ? 'residential'
        : snapshot.matches({ flow: { mailing: 'address' } })
          ? 'mailing'
          : null;
      const problem = expected && submittedAddressProblem(event, expected);
      return problem ? reject(problem.code, problem.field) : reject(NOT_NOW);
    }
    case 'SIGN': {
      const problem = snapshot.matches({ flow: 'review' }) && signatureProblem(context, event);
      return problem ? reject(problem, 'signature') : reject(NOT_NOW);
    }
    case 'FLAG_RESOLVED': {
      const problem = flagProblem(context, event);
      return problem ? reject(problem, 'flag') : reject(NOT_NOW);
    }
    case 'PHOTO_APPROVED':
    case 'PHOTO_REJECTED': {
      const decision = event.type === 'PHOTO_APPROVED' ? 'approve' : 'reject';
      return reject((submitted && photoReviewProblem(context, decision)) || NOT_NOW);
    }
    case 'PR_CONFIRMED':
      return reject((submitted && confirmationProblem(context, event)) || NOT_NOW);
    case 'REQUEST_HELP':
      return reject(snapshot.matches({ help: 'none' }) ? NOT_NOW : 'help_already_requested');
    default:
      return reject(NOT_NOW);
  }
}

/**
 * Null when the machine accepts `event` in `snapshot`; otherwise why it does not, so the server
 * can answer the applicant (or officer) with a translated reason instead of silence.
 */
export function explainRejection(snapshot: LandingSnapshot, event: LandingEvent): Rejection | null {
  return snapshot.can(event) ? null : reason(snapshot, event);
}

/** Every code `explainRejection` can return, besides the validation codes of the event schemas. */
export const rejectionCodes = [
  NOT_NOW,
  'date_invalid',
  'date_in_future',
  'date_before_birth',
  'signature_mismatch',
  'flag_not_open',
  'photo_not_awaiting_review',
  'photo_not_approved',
  'flags_open',
  'help_already_requested',
] as const;
