import { describe, expect, it } from 'vitest';
import { messageText } from './case-text';
import '$lib/i18n/messages.server'; // every area's strings, as a rendered page has them

describe('messageText: one date format per language on staff screens', () => {
  it('writes calendar dates out in the reader’s language instead of ISO', () => {
    const entry = { key: 'conversation.echo.entryDate', params: { date: '2024-03-05' } };
    expect(messageText(entry, 'en')).toContain('March 5, 2024');
    expect(messageText(entry, 'en')).not.toContain('2024-03-05');
    expect(messageText(entry, 'fr')).toContain('5 mars 2024');
  });

  it('leaves other values, and reasons and flags in words', () => {
    expect(messageText({ key: 'conversation.agent.note', params: { text: 'Call 2024-03-05 about it' } }, 'en')).toBe(
      'Internal note: Call 2024-03-05 about it',
    );
    expect(messageText({ key: 'staff.decision.FLAG_RESOLVED', params: { flag: 'referred', note: 'ok' } }, 'en')).toContain(
      'Referred by an agent',
    );
  });
});
