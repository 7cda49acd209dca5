import { describe, expect, it } from 'vitest';
import { checkPostalCode, normalisePostalCode, postalCodeMatchesProvince, postalCodeSchema, provinces, type Province } from './postal-code';

const sampleByProvince: Record<Province, string[]> = {
  NL: ['A1C 5M2'],
  NS: ['B3H 4R2'],
  PE: ['C1A 4P3'],
  NB: ['E1C 4M3'],
  QC: ['G1R 4P5', 'H3A 1G5', 'J8X 3X7'],
  ON: ['K1A 0B1', 'L5B 3C2', 'M5V 3L9', 'N2L 3G1', 'P3A 5K6'],
  MB: ['R3C 4T3'],
  SK: ['S4P 3Y2'],
  AB: ['T2P 2M5'],
  BC: ['V6B 1A1'],
  NU: ['X0A 0H0'],
  NT: ['X1A 2L9'],
  YT: ['Y1A 2C6'],
};

describe('postal codes', () => {
  it('normalises lower case, missing space and a hyphen to A1A 1A1', () => {
    for (const raw of ['k1a0b1', 'K1A 0B1', ' k1a-0b1 ', 'K1A  0B1', 'k1A0b1']) expect(normalisePostalCode(raw)).toBe('K1A 0B1');
    expect(postalCodeSchema.parse('m5v3l9')).toBe('M5V 3L9');
  });

  it.each(['K1A0B', '11A 0B1', 'KAA 0B1', 'K1A 0B1 2', '', 'K1A_0B1'])('refuses the shape %j', (raw) => {
    expect(checkPostalCode(raw)).toEqual({ ok: false, code: 'postal_code_invalid' });
  });

  it.each(['D1A 0B1', 'K1D 0B1', 'K1A 0F1', 'I1A 0B1', 'O1A 0B1', 'Q1A 0B1', 'U1A 0B1', 'K1A 0I1', 'K1O 0B1'])(
    'never allows D F I O Q U: %s',
    (raw) => expect(checkPostalCode(raw)).toEqual({ ok: false, code: 'postal_code_forbidden_letter' }),
  );

  it('never starts with W or Z, but allows them later', () => {
    expect(checkPostalCode('W1A 0B1')).toEqual({ ok: false, code: 'postal_code_first_letter' });
    expect(checkPostalCode('Z1A 0B1')).toEqual({ ok: false, code: 'postal_code_first_letter' });
    expect(checkPostalCode('K1W 0Z1')).toEqual({ ok: true, value: 'K1W 0Z1' });
  });

  it('knows the first letters of every province and territory', () => {
    expect(Object.keys(sampleByProvince).sort()).toEqual([...provinces].sort());
    for (const province of provinces) {
      for (const code of sampleByProvince[province]) {
        expect(postalCodeMatchesProvince(code, province), `${code} in ${province}`).toBe(true);
        const others = provinces.filter((other) => !sampleByProvince[other].some((c) => c[0] === code[0]));
        for (const other of others) expect(postalCodeMatchesProvince(code, other), `${code} not in ${other}`).toBe(false);
      }
    }
  });

  it('reports the schema failure with a stable code', () => {
    const result = postalCodeSchema.safeParse('Z1A 0B1');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('postal_code_first_letter');
  });
});
