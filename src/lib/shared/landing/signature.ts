import { z } from 'zod/mini';

/** A typed signature as the applicant sends it. */
export const signatureSchema = /* @__PURE__ */ z
  .string({ error: 'signature_required' })
  .check(z.trim(), z.minLength(1, 'signature_required'), z.maxLength(200, 'signature_too_long'));

/**
 * Lower case, accents stripped (NFD), every space and hyphen removed, curly apostrophes made
 * straight: `"  Zoë  Lévesque-Tremblay "` → `"zoelevesquetremblay"`.
 */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\s\-\u2010-\u2015]/g, '');
}

/**
 * True when the typed signature is the person's full name, "Given Family" or "Family Given",
 * ignoring case, accents, spacing and hyphens. Anything else (initials, a comma, a nickname)
 * is refused.
 */
export function signatureMatches(signature: string, person: { givenName: string; familyName: string }): boolean {
  const typed = foldName(signature);
  if (typed === '') return false;
  const given = foldName(person.givenName);
  const family = foldName(person.familyName);
  return typed === given + family || typed === family + given;
}
