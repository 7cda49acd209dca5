import { z } from 'zod/mini';

/** Canadian provinces and territories, by their two-letter codes. */
export const provinces = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export type Province = (typeof provinces)[number];
export const provinceSchema = z.enum(provinces, { error: 'province_invalid' });

/** First letters of the postal codes of each province or territory (Canada Post). */
const firstLetters: Record<Province, string> = {
  NL: 'A',
  NS: 'B',
  PE: 'C',
  NB: 'E',
  QC: 'GHJ',
  ON: 'KLMNP',
  MB: 'R',
  SK: 'S',
  AB: 'T',
  BC: 'V',
  NU: 'X',
  NT: 'X',
  YT: 'Y',
};

export const postalCodeErrors = [
  'postal_code_invalid',
  'postal_code_forbidden_letter',
  'postal_code_first_letter',
  'postal_code_province_mismatch',
] as const;
export type PostalCodeError = (typeof postalCodeErrors)[number];

const shape = /^[A-Z]\d[A-Z]\d[A-Z]\d$/;
const forbidden = /[DFIOQU]/;

/** `k1a0b1`, `K1A 0B1`, `k1a-0b1` → `K1A 0B1`; anything that is not letter-digit-letter digit-letter-digit → null. */
export function normalisePostalCode(raw: string): string | null {
  const compact = raw
    .trim()
    .toUpperCase()
    .replace(/^([A-Z0-9]{3})\s*-?\s*([A-Z0-9]{3})$/, '$1$2');
  return shape.test(compact) ? `${compact.slice(0, 3)} ${compact.slice(3)}` : null;
}

/** The normalised postal code, or the reason it cannot be one. Does not look at the province. */
export function checkPostalCode(raw: string): { ok: true; value: string } | { ok: false; code: PostalCodeError } {
  const value = normalisePostalCode(raw);
  if (!value) return { ok: false, code: 'postal_code_invalid' };
  if (forbidden.test(value)) return { ok: false, code: 'postal_code_forbidden_letter' };
  if (value.startsWith('W') || value.startsWith('Z')) return { ok: false, code: 'postal_code_first_letter' };
  return { ok: true, value };
}

/** True when the postal code's first letter belongs to the province or territory. */
export function postalCodeMatchesProvince(postalCode: string, province: Province): boolean {
  const first = postalCode.trim().charAt(0).toUpperCase();
  return first !== '' && firstLetters[province].includes(first);
}

/** A valid Canadian postal code, normalised to `A1A 1A1`; issues carry a `PostalCodeError` as message. */
export const postalCodeSchema = z.pipe(
  z.string({ error: 'postal_code_invalid' }),
  z.transform((raw: string, ctx) => {
    const result = checkPostalCode(raw);
    if (result.ok) return result.value;
    ctx.issues.push({ code: 'custom', message: result.code, input: raw });
    return z.NEVER;
  }),
);
