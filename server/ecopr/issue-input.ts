import { z } from 'zod';
import { applicationNumberSchema, uciSchema } from '../../src/lib/shared/application.schemas';
import { languages } from '../../src/lib/i18n/lang';
import type { Address } from '../../src/lib/shared/landing';
import { isoDateSchema } from '../../src/lib/shared/landing/date-schema';

const name = z.string().trim().min(1, 'required').max(80, 'too_long');

/** What the officer's "Confirm PR" action passes to `EcoprService.issue`. */
export const issueEcoprInput = z.strictObject({
  caseId: z.string().min(1, 'required').max(200),
  personId: z.string().min(1, 'required').max(200),
  /** Empty for a person with one name only. */
  givenName: z.string().trim().max(80, 'too_long'),
  familyName: name,
  dateOfBirth: isoDateSchema,
  uci: uciSchema,
  applicationNumber: applicationNumberSchema,
  /** Where the PR card will be mailed, one line (see `mailingAddressLine`). */
  mailingAddress: z.string().trim().min(1, 'required').max(300, 'too_long'),
  lang: z.enum(languages),
  /** The date of permanent residence; by default the day of issue in Eastern Time. */
  prDate: z.optional(isoDateSchema),
});

export type IssueEcoprInput = z.input<typeof issueEcoprInput>;

/** A Canadian address on one line, unit first as Canada Post writes it: `5-24 Sussex Dr, Ottawa ON K1M 1M4`. */
export function mailingAddressLine(address: Address): string {
  const street = address.unit ? `${address.unit}-${address.street}` : address.street;
  return `${street}, ${address.city} ${address.province} ${address.postalCode}`;
}
