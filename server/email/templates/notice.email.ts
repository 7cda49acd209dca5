import type { Lang } from '../../../src/lib/i18n/lang';
import type { MessageKey } from '../../../src/lib/i18n/messages';
import type { EmailContent } from '../email';
import { bilingualEmail, type PersonName } from './bilingual';

export interface NoticeEmailInput {
  person: PersonName;
  /** The person's preferred language; that version comes first. */
  lang: Lang;
  /** Catalog keys, so every notice exists in both languages (e.g. photo rejected, PR confirmed). */
  subject: MessageKey;
  heading: MessageKey;
  paragraphs: MessageKey[];
  /** Values for `{placeholders}` in those messages; a function when they differ by language (dates). */
  params?: Record<string, string | number> | ((lang: Lang) => Record<string, string | number>);
  /** Optional link button, e.g. "Continue in the portal". */
  action?: { label: MessageKey; url: string };
}

/** A short bilingual notice to an applicant, built from catalog keys. */
export function noticeEmail(input: NoticeEmailInput): EmailContent {
  return bilingualEmail({ lang: input.lang, person: input.person, subject: input.subject, heading: input.heading }, (t, lang) => {
    const params = typeof input.params === 'function' ? input.params(lang) : input.params;
    return [
      ...input.paragraphs.map((key) => ({ type: 'paragraph' as const, text: t(key, params) })),
      ...(input.action ? [{ type: 'action' as const, label: t(input.action.label, params), url: input.action.url }] : []),
    ];
  });
}
