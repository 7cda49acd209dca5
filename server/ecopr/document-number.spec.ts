import { describe, expect, it } from 'vitest';
import { DOCUMENT_NUMBER_ALPHABET, documentNumberSchema, newDocumentNumber } from './document-number';

describe('newDocumentNumber', () => {
  it('reads ECOPR- and three groups of four unambiguous characters', () => {
    for (let i = 0; i < 200; i++) {
      const number = newDocumentNumber();
      expect(number).toMatch(/^ECOPR-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect(number.slice(6)).not.toMatch(/[01ILOU]/);
    }
  });

  it('does not repeat itself and uses the whole alphabet', () => {
    const numbers = Array.from({ length: 2000 }, newDocumentNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    const used = new Set(numbers.join('').replace(/ECOPR|-/g, ''));
    expect([...used].sort().join('')).toBe([...DOCUMENT_NUMBER_ALPHABET].sort().join(''));
  });
});

describe('documentNumberSchema', () => {
  it('accepts a number as scanned or typed, in any case, and normalises it', () => {
    expect(documentNumberSchema.parse('ECOPR-7KQ2-M9XP-4HTA')).toBe('ECOPR-7KQ2-M9XP-4HTA');
    expect(documentNumberSchema.parse('  ecopr-7kq2-m9xp-4hta ')).toBe('ECOPR-7KQ2-M9XP-4HTA');
  });

  it.each([
    ['empty', ''],
    ['no prefix', '7KQ2-M9XP-4HTA'],
    ['a group too short', 'ECOPR-7KQ2-M9XP-4HT'],
    ['a fourth group', 'ECOPR-7KQ2-M9XP-4HTA-2222'],
    ['ambiguous letters', 'ECOPR-7KQ2-M9XP-4HT0'],
    ['I, L, O or U', 'ECOPR-ILOU-M9XP-4HTA'],
    ['a path', 'ECOPR-7KQ2-M9XP-4HTA/../x'],
    ['something huge', `ECOPR-${'A'.repeat(10_000)}`],
  ])('rejects %s', (_, input) => {
    const result = documentNumberSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('document_number_format');
  });
});
