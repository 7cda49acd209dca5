import { describe, expect, it } from 'vitest';
import { foldName, signatureMatches, signatureSchema } from './signature';

const person = { givenName: 'Zoë Anne', familyName: 'Lévesque-Tremblay' };

describe('signatureMatches', () => {
  it.each([
    'Zoë Anne Lévesque-Tremblay',
    'zoe anne levesque tremblay',
    'ZOË ANNE LÉVESQUE‑TREMBLAY',
    '  Zoë   Anne  Lévesque - Tremblay ',
    'Zoe-Anne LevesqueTremblay',
    'Lévesque-Tremblay Zoë Anne',
    'levesque tremblay zoe anne',
  ])('accepts %j', (signature) => {
    expect(signatureMatches(signature, person)).toBe(true);
  });

  it.each([
    'Zoë Lévesque-Tremblay',
    'Anne Zoë Lévesque-Tremblay',
    'Tremblay, Zoë Anne Lévesque',
    'Z. A. Lévesque-Tremblay',
    'Zoë Anne',
    '',
    'Zoë Anne Lévesque-Tremblay Jr',
  ])('refuses %j', (signature) => {
    expect(signatureMatches(signature, person)).toBe(false);
  });

  it('treats curly and straight apostrophes alike', () => {
    expect(signatureMatches('Siobhán O’Brien', { givenName: 'Siobhan', familyName: "O'Brien" })).toBe(true);
  });

  it('folds names and validates the typed text', () => {
    expect(foldName('  Zoë  Lévesque-Tremblay ')).toBe('zoelevesquetremblay');
    expect(signatureSchema.safeParse('  ').error?.issues[0]?.message).toBe('signature_required');
    expect(signatureSchema.safeParse('x'.repeat(201)).error?.issues[0]?.message).toBe('signature_too_long');
  });
});
