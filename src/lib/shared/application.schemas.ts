import { z } from 'zod';
import { isRealDate } from './landing/dates';

/** `E001234567`: one letter and nine digits (stored upper-case). */
export const applicationNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]\d{9}$/, 'application_number_format');

/** A UCI is 8 or 10 digits, often written `0000-0000` or `00-0000-0000`; stored as digits. */
export const uciSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(\d{8}|\d{10})$/, 'uci_format'));

/** Shows a UCI grouped as people read it: `1234-5678` or `12-3456-7890`. */
export function formatUci(digits: string): string {
  return digits.length === 10
    ? `${digits.slice(0, 2)}-${digits.slice(2, 6)}-${digits.slice(6)}`
    : `${digits.slice(0, 4)}-${digits.slice(4)}`;
}

export const personRoles = ['principal', 'spouse', 'dependant'] as const;
export type PersonRole = (typeof personRoles)[number];

/**
 * Characters a name never holds: C0/C1 controls (NUL, tab, line breaks), line and paragraph
 * separators, bidirectional overrides, and lone UTF-16 surrogates (`JSON.parse` turns a lone
 * `\ud800` escape into one; stored, it would come back as U+FFFD).
 */
const UNUSABLE_IN_NAME = /[\p{Cc}\p{Cs}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/**
 * A person's name as typed: NFC-normalised and trimmed, with one clear error: `name_control` for
 * an unusable character, `required`, `name_invisible` when nothing in it is a letter (only
 * zero-width, format or space characters), then length and `name_characters` for symbols.
 */
export const personName = z
  .string()
  .transform((value) => value.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .refine((value) => !UNUSABLE_IN_NAME.test(value), { message: 'name_control', abort: true })
      .refine((value) => value.length > 0, { message: 'required', abort: true })
      .refine((value) => /\p{L}/u.test(value), { message: 'name_invisible', abort: true })
      .refine((value) => value.length <= 80, { message: 'too_long', abort: true })
      .regex(/^[^<>{}[\]\\/@#$%^*=+|~`"0-9]+$/u, 'name_characters'),
  );

export const personInputSchema = z.strictObject({
  role: z.enum(personRoles),
  /** Empty for a person with one name only (IRCC records it as the family name). */
  givenName: z
    .preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), personName.optional())
    .transform((value) => value ?? ''),
  familyName: personName,
  dateOfBirth: z.string().refine(isRealDate, 'date_invalid'),
  uci: uciSchema,
  email: z
    .email('email_format')
    .max(200)
    .transform((e) => e.toLowerCase()),
  lang: z.enum(['en', 'fr']),
});

/** `POST /api/applications`: an approved application and every person on it. */
export const registerApplicationBody = z
  .strictObject({
    applicationNumber: applicationNumberSchema,
    people: z.array(personInputSchema).min(1, 'at_least_one_person').max(20),
  })
  .superRefine((body, ctx) => {
    const principals = body.people.filter((p) => p.role === 'principal').length;
    if (principals !== 1) ctx.addIssue({ code: 'custom', path: ['people'], message: 'exactly_one_principal' });
    if (body.people.filter((p) => p.role === 'spouse').length > 1)
      ctx.addIssue({ code: 'custom', path: ['people'], message: 'at_most_one_spouse' });
    const seen = new Map<string, number>();
    body.people.forEach((person, index) => {
      if (seen.has(person.uci)) ctx.addIssue({ code: 'custom', path: ['people', index, 'uci'], message: 'uci_duplicate' });
      seen.set(person.uci, index);
    });
    const today = new Date().toISOString().slice(0, 10);
    body.people.forEach((person, index) => {
      if (person.dateOfBirth > today) ctx.addIssue({ code: 'custom', path: ['people', index, 'dateOfBirth'], message: 'date_in_future' });
    });
  });

export type RegisterApplicationBody = z.infer<typeof registerApplicationBody>;
export type PersonInput = z.infer<typeof personInputSchema>;

/** Invitation tokens are 43 base64url characters (256 bits). */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'token_format');

export const invitationStates = ['sent', 'accepted', 'declined', 'expired', 'revoked'] as const;
export type InvitationState = (typeof invitationStates)[number];
