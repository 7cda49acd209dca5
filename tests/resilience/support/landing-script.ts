import type { ApplicantEventInput } from '../../../src/lib/shared/landing/events';

/** A Canadian address the machine accepts. */
export const ottawa = { street: '24 Sussex Dr', unit: null, city: 'Ottawa', province: 'ON' as const, postalCode: 'K1M 1M4' };

/** Every answer from the welcome step to the photo step, in order. */
export const answersBeforePhoto: ApplicantEventInput[] = [
  { type: 'ACKNOWLEDGE' },
  { type: 'CONFIRM_IDENTITY', answer: 'yes' },
  { type: 'ANSWER_IN_CANADA', answer: 'yes' },
  { type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' },
  { type: 'DECLARE_PRESENCE' },
  ...(['marital', 'dependants', 'criminal', 'medical'] as const).map((question) => ({
    type: 'ANSWER_CHANGE' as const,
    question,
    answer: 'no' as const,
  })),
  { type: 'SUBMIT_ADDRESS', kind: 'residential', address: ottawa },
  { type: 'MAILING_SAME_AS_RESIDENTIAL', same: true },
];

/** The rest, once the photo is uploaded: to `submitted`. */
export const answersFromPhoto = (photoId: string, person: { givenName: string; familyName: string }): ApplicantEventInput[] => [
  { type: 'PHOTO_UPLOADED', photoId },
  { type: 'SIGN', signature: `${person.givenName} ${person.familyName}` },
];
