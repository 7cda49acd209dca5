import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '$lib/i18n/messages.server';
import { formatAgo, formatDuration } from './time-format';

const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const fr = (key: MessageKey, params?: Record<string, string | number>) => translate('fr', key, params);
const MIN = 60_000;

describe('times on the board', () => {
  it('shows durations the way officers scan them, in both languages', () => {
    expect(formatDuration(-5, en)).toBe('<\u00a01\u00a0min');
    expect(formatDuration(12 * MIN + 59_000, en)).toBe('12\u00a0min');
    expect(formatDuration(185 * MIN, en)).toBe('3\u00a0h 5\u00a0min');
    expect(formatDuration((2 * 24 + 4) * 60 * MIN, en)).toBe('2\u00a0d 4\u00a0h');
    expect(formatDuration((2 * 24 + 4) * 60 * MIN, fr)).toBe('2\u00a0j 4\u00a0h');
  });

  it('says how long ago something happened', () => {
    const now = Date.parse('2025-03-05T12:00:00Z');
    expect(formatAgo('2025-03-05T11:59:40Z', now, 'en')).toBe('now');
    expect(formatAgo('2025-03-05T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(formatAgo('2025-03-05T09:00:00Z', now, 'fr')).toBe('il y a 3 heures');
    expect(formatAgo('2025-03-03T12:00:00Z', now, 'en')).toBe('2 days ago');
  });
});
