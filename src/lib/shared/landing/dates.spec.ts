import { describe, expect, it } from 'vitest';
import { isoDateSchema } from './date-schema';
import { checkPastDate, dateOf, isRealDate, notBefore, notInFuture, parseTypedDate, toIsoDate } from './dates';

describe('ISO dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2023-02-30', '2024-13-01', '2024-04-31', '2024-00-10', '2024-1-5', '05/03/2024', '']) {
      expect(isRealDate(bad), bad).toBe(false);
    }
    expect(isoDateSchema.safeParse('2023-02-30').error?.issues[0]?.message).toBe('date_invalid');
    expect(toIsoDate(2024, 2, 30)).toBeNull();
  });

  it('compares against today and another date', () => {
    const today = dateOf('2024-06-01T23:59:59.000Z');
    expect(today).toBe('2024-06-01');
    expect(notInFuture(today)('2024-06-01')).toBe(true);
    expect(notInFuture(today)('2024-06-02')).toBe(false);
    expect(notBefore('1990-04-12')('1990-04-12')).toBe(true);
    expect(notBefore('1990-04-12')('1990-04-11')).toBe(false);
    expect(checkPastDate('2024-06-02', today)).toBe('date_in_future');
    expect(checkPastDate('2024-02-30', today)).toBe('date_invalid');
    expect(checkPastDate('2024-03-05', today)).toBeNull();
  });
});

describe('parseTypedDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['5 mars 2024', '2024-03-05'],
    ['le 1er mars 2024', '2024-03-01'],
    ['Je suis arrivée le 14 février 2024.', '2024-02-14'],
    ['14 fevrier 2024', '2024-02-14'],
    ['3 août 2023', '2023-08-03'],
    ['March 5, 2024', '2024-03-05'],
    ['I arrived on Mar. 5th, 2024', '2024-03-05'],
    ['5 March 2024', '2024-03-05'],
    ['the 1st of March, 2024', '2024-03-01'],
    ['25/03/2024', '2024-03-25'],
    ['05/05/2024', '2024-05-05'],
  ])('reads %j as %s', (text, date) => {
    expect(parseTypedDate(text)).toEqual({ ok: true, date });
  });

  it('refuses a day-month order it cannot tell apart', () => {
    expect(parseTypedDate('05/03/2024')).toEqual({ ok: false, code: 'date_ambiguous' });
    expect(parseTypedDate('5.3.2024')).toEqual({ ok: false, code: 'date_ambiguous' });
  });

  it('refuses dates that do not exist and text without a date', () => {
    expect(parseTypedDate('30 février 2024')).toEqual({ ok: false, code: 'date_invalid' });
    expect(parseTypedDate('2023-02-30')).toEqual({ ok: false, code: 'date_invalid' });
    expect(parseTypedDate('31/31/2024')).toEqual({ ok: false, code: 'date_invalid' });
    expect(parseTypedDate('last spring')).toEqual({ ok: false, code: 'date_unrecognised' });
    expect(parseTypedDate('March 2024')).toEqual({ ok: false, code: 'date_unrecognised' });
  });
});
