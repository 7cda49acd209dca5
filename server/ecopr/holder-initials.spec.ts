import { describe, expect, it } from 'vitest';
import { initialsOf } from './holder-initials';

describe('initialsOf', () => {
  it.each([
    ['Zoë', 'Lefebvre-Tremblay', 'Z. L.-T.'],
    ['Marie Claire', 'Dubois', 'M. C. D.'],
    ['élodie', 'd’Arcy', 'É. D.'],
    ['  Jean-Luc  ', ' Picard ', 'J.-L. P.'],
    ['Thị Ngọc', 'Nguyễn', 'T. N. N.'],
    ['Łucja', 'Wiśniewska', 'Ł. W.'],
  ])('%s %s → %s', (given, family, expected) => {
    expect(initialsOf(given, family)).toBe(expected);
  });
});
