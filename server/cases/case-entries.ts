import type { Message } from '../../src/lib/shared/landing';
import type { NewEntry } from './case-store';

/** Small constructors for log entries, so every producer writes them the same way. */
export const assistantSays = (at: Date, message: Message): NewEntry => ({ at, author: 'assistant', message, visibility: 'all' });

export const applicantSays = (at: Date, message: Message, clientEventId: string, event?: unknown): NewEntry => ({
  at,
  author: 'applicant',
  message,
  visibility: 'all',
  clientEventId,
  event: event ?? null,
});

export const staffRecord = (at: Date, message: Message, authorName: string, event?: unknown): NewEntry => ({
  at,
  author: 'officer',
  authorName,
  message,
  visibility: 'staff',
  event: event ?? null,
});
