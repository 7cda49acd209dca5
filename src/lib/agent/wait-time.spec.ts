import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/messages.server';
import { formatWait } from './wait-time';

const en = (ms: number) => formatWait(ms, (key, params) => translate('en', key, params));

describe('how long someone has waited', () => {
  it('counts seconds, then minutes and seconds, then hours and minutes', () => {
    expect(en(-5)).toBe('0 s');
    expect(en(45_900)).toBe('45 s');
    expect(en(185_000)).toBe('3 min 05 s');
    expect(en(4_320_000)).toBe('1 h 12 min');
  });
});
