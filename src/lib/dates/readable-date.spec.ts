import { describe, expect, it } from 'vitest';
import { readableDate, readableDateTime, readableParams } from './readable-date';

describe('readable dates', () => {
  it('writes a calendar date one way per language, whatever the reader’s time zone', () => {
    expect(readableDate('en', '2026-06-14')).toBe('June 14, 2026');
    expect(readableDate('fr', '2026-06-14')).toBe('14 juin 2026');
  });

  it('writes an instant with its time zone, as the emails do', () => {
    expect(readableDateTime('en', '2026-06-15T03:59:00Z')).toMatch(/^June 14, 2026 at 11:59\sp\.m\.\sEDT$/);
    expect(readableDateTime('fr', '2026-06-15T03:59:00Z')).toMatch(/^14 juin 2026 à 23\sh\s59\sHAE$/);
  });

  it('rewrites only date parameters', () => {
    expect(readableParams('en', { prDate: '2026-06-14', name: 'Zoë', n: 3, until: '2026-07-14T16:00:00.000Z' })).toEqual({
      prDate: 'June 14, 2026',
      name: 'Zoë',
      n: 3,
      until: readableDateTime('en', '2026-07-14T16:00:00.000Z'),
    });
  });
});
