import { addressProblem, checkPastDate, dateOf, signatureMatches } from '../../src/lib/shared/landing';
import type { AddressKind } from '../../src/lib/shared/landing';
import type { LandingContext } from './context';
import type { LandingEventOf } from './events';

/**
 * The domain checks behind the machine's guards. Each returns why an event is refused, or null.
 * `explainRejection` calls the same functions, so a refusal always has the reason the guard saw.
 */

export function entryDateProblem(context: LandingContext, event: LandingEventOf<'ANSWER_ENTRY_DATE'>) {
  const problem = checkPastDate(event.date, dateOf(event.at));
  if (problem) return problem;
  return event.date < context.person.dateOfBirth ? 'date_before_birth' : null;
}

export function submittedAddressProblem(event: LandingEventOf<'SUBMIT_ADDRESS'>, expected: AddressKind) {
  if (event.kind !== expected) return { code: 'event_not_allowed_now', field: 'kind' } as const;
  return addressProblem(event.address);
}

export function signatureProblem(context: LandingContext, event: LandingEventOf<'SIGN'>) {
  return signatureMatches(event.signature, context.person) ? null : 'signature_mismatch';
}

export function photoReviewProblem(context: LandingContext, decision: 'approve' | 'reject') {
  const reviewable = decision === 'approve' ? ['uploaded'] : ['uploaded', 'approved'];
  return reviewable.includes(context.photo.status) ? null : 'photo_not_awaiting_review';
}

export function flagProblem(context: LandingContext, event: LandingEventOf<'FLAG_RESOLVED'>) {
  return context.flags.includes(event.flag) ? null : 'flag_not_open';
}

export function confirmationProblem(context: LandingContext, event: LandingEventOf<'PR_CONFIRMED'>) {
  if (context.photo.status !== 'approved') return 'photo_not_approved';
  if (context.flags.length > 0) return 'flags_open';
  return checkPastDate(event.prDate, dateOf(event.at));
}
