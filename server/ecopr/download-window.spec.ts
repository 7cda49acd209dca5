import { describe, expect, it } from 'vitest';
import { canDownload, downloadDaysLeft, downloadUntilFor } from './download-window';
import { dateInCanada } from './pr-date';

const issuedAt = new Date('2026-06-01T15:00:00Z');
const day = 24 * 60 * 60 * 1000;

describe('the 30-day download window', () => {
  it('ends exactly 30 days after issue', () => {
    expect(downloadUntilFor(issuedAt).toISOString()).toBe('2026-07-01T15:00:00.000Z');
  });

  it('counts whole days left, rounded up, down to 0', () => {
    const until = downloadUntilFor(issuedAt);
    expect(downloadDaysLeft(until, issuedAt)).toBe(30);
    expect(downloadDaysLeft(until, new Date(issuedAt.getTime() + 0.5 * day))).toBe(30);
    expect(downloadDaysLeft(until, new Date(issuedAt.getTime() + 29.5 * day))).toBe(1);
    expect(downloadDaysLeft(until, until)).toBe(0);
    expect(downloadDaysLeft(until, new Date(until.getTime() + 5 * day))).toBe(0);
  });

  it('allows downloads until, not at, the end', () => {
    const until = downloadUntilFor(issuedAt);
    expect(canDownload(until, new Date(until.getTime() - 1))).toBe(true);
    expect(canDownload(until, until)).toBe(false);
  });
});

describe('dateInCanada', () => {
  it('is the calendar day in Eastern Time, not UTC', () => {
    expect(dateInCanada(new Date('2026-06-01T01:30:00Z'))).toBe('2026-05-31');
    expect(dateInCanada(new Date('2026-06-01T04:30:00Z'))).toBe('2026-06-01');
    expect(dateInCanada(new Date('2026-01-15T04:30:00Z'))).toBe('2026-01-14');
  });
});
