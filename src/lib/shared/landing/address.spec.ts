import { describe, expect, it } from 'vitest';
import { addressProblem, addressSchema } from './address';

const valid = { street: ' 24  Sussex Dr ', city: 'Ottawa', province: 'ON', postalCode: 'k1m1m4' };

describe('addressSchema', () => {
  it('trims, normalises the postal code and stores an absent unit as null', () => {
    expect(addressSchema.parse(valid)).toEqual({
      street: '24 Sussex Dr',
      unit: null,
      city: 'Ottawa',
      province: 'ON',
      postalCode: 'K1M 1M4',
    });
    expect(addressSchema.parse({ ...valid, unit: '  ' }).unit).toBeNull();
    expect(addressSchema.parse({ ...valid, unit: ' 4B ' }).unit).toBe('4B');
  });

  it('parses its own output again unchanged', () => {
    const once = addressSchema.parse({ ...valid, unit: '12' });
    expect(addressSchema.parse(once)).toEqual(once);
  });

  it('names the postal code when its first letter is not the province’s', () => {
    expect(addressProblem({ ...valid, province: 'QC' })).toEqual({ code: 'postal_code_province_mismatch', field: 'postalCode' });
    expect(addressProblem({ ...valid, postalCode: 'H3A 1G5', province: 'QC' })).toBeNull();
  });

  it.each([
    [{ ...valid, street: '   ' }, 'street_required', 'street'],
    [{ ...valid, street: 'x'.repeat(101) }, 'street_too_long', 'street'],
    [{ ...valid, unit: 'x'.repeat(21) }, 'unit_too_long', 'unit'],
    [{ ...valid, city: '' }, 'city_required', 'city'],
    [{ ...valid, city: 'x'.repeat(61) }, 'city_too_long', 'city'],
    [{ ...valid, province: 'XX' }, 'province_invalid', 'province'],
    [{ ...valid, postalCode: 'D1A 0B1' }, 'postal_code_forbidden_letter', 'postalCode'],
    [{ street: '1 Main St', city: 'Ottawa', province: 'ON' }, 'postal_code_invalid', 'postalCode'],
    [{ ...valid, country: 'US' }, 'address_invalid', null],
  ])('refuses %j as %s', (input, code, field) => {
    expect(addressProblem(input)).toEqual({ code, field });
  });
});
