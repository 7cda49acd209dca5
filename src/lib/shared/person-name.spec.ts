import { describe, expect, it } from 'vitest';
import { personName } from './application.schemas';

const problem = (value: string) => {
  const parsed = personName.safeParse(value);
  return parsed.success ? null : parsed.error.issues.map((i) => i.message);
};

describe('personName', () => {
  it('keeps real names, normalised to NFC and trimmed', () => {
    const decomposed = 'Zoe\u0308 Le\u0301vesque';
    expect(personName.parse(`  ${decomposed} `)).toBe('Zoë Lévesque');
    expect(personName.parse('Zoë')).toBe('Zoë'.normalize('NFC'));
    for (const name of ['O’Brien', 'Nguyễn', 'محمد', 'Ngũgĩ wa Thiong’o', 'Jean-Luc', 'Ōta', 'Gudmundsdóttir', 'سارا\u200cزاده'])
      expect(problem(name), name).toBeNull();
  });

  it('refuses control characters, line breaks, bidi overrides and lone surrogates with one clear code', () => {
    for (const value of [
      'Ana\u0000',
      'Ana\nBcc',
      'An\ra',
      'A\tna',
      'Ana\u0085',
      'An\u2028a',
      'Ana\u202e',
      '\ud800Ana',
      'Ana\udfff',
      JSON.parse('"Ana\\ud800"') as string,
    ]) {
      expect(problem(value), JSON.stringify(value)).toEqual(['name_control']);
    }
  });

  it('refuses names with nothing visible in them', () => {
    for (const value of ['\u200b', '\u200b\u200c\u200d', '\ufeff\u2060', ' \u00a0 \u3000', '\u0301\u0308']) {
      const codes = problem(value);
      expect(codes?.length, JSON.stringify(value)).toBe(1);
      expect(['required', 'name_invisible']).toContain(codes![0]);
    }
    expect(problem('')).toEqual(['required']);
  });

  it('still refuses symbols and overlong names', () => {
    expect(problem('<script>')).toEqual(['name_characters']);
    expect(problem('A'.repeat(81))).toEqual(['too_long']);
  });
});
