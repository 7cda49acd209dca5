import { randomInt } from 'node:crypto';
import { z } from 'zod';

/** Digits and capitals without 0/O, 1/I/L and U, so a number read aloud or retyped stays the same. */
export const DOCUMENT_NUMBER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

const GROUPS = 3;
const GROUP_LENGTH = 4;
const group = `[${DOCUMENT_NUMBER_ALPHABET}]{${GROUP_LENGTH}}`;
const shape = new RegExp(`^ECOPR(?:-${group}){${GROUPS}}$`);

/**
 * A new eCOPR document number such as `ECOPR-7KQ2-M9XP-4HTA`: 12 characters drawn with
 * `crypto.randomInt` from a 30-letter alphabet (about 59 bits), so numbers cannot be guessed.
 */
export function newDocumentNumber(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => DOCUMENT_NUMBER_ALPHABET[randomInt(DOCUMENT_NUMBER_ALPHABET.length)]).join(''),
  );
  return ['ECOPR', ...groups].join('-');
}

/** A document number from a URL or a form: case and surrounding spaces do not matter. */
export const documentNumberSchema = z
  .string()
  .max(64, 'document_number_format')
  .trim()
  .toUpperCase()
  .regex(shape, 'document_number_format');
