import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay';

const noJitter = () => 0.5;

describe('retryDelayMs', () => {
  it('doubles from 15 s after each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, undefined, noJitter))).toEqual([15_000, 30_000, 60_000, 120_000, 240_000]);
  });

  it('never waits more than an hour, however many attempts failed', () => {
    expect(retryDelayMs(9, undefined, noJitter)).toBe(3_600_000);
    expect(retryDelayMs(1_000, undefined, noJitter)).toBe(3_600_000);
    expect(retryDelayMs(9, undefined, () => 0.999_999)).toBe(3_600_000);
  });

  it('varies each delay by at most 20 %', () => {
    expect(retryDelayMs(1, undefined, () => 0)).toBe(12_000);
    expect(retryDelayMs(1, undefined, () => 0.999_999)).toBe(18_000);
  });
});
