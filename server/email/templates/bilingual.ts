import type { Lang } from '../../../src/lib/i18n/lang';
import { readableDateTime } from '../../../src/lib/dates/readable-date';
import { translate, type MessageKey } from '../../../src/lib/i18n/messages.server';
import { fullNameOf, type PersonName } from '../../../src/lib/shared/person-name';
import type { EmailContent } from '../email';
import { renderEmail, type EmailBlock } from './layout';

export type { PersonName } from '../../../src/lib/shared/person-name';

/** Translates one message in the language of the section being built. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Dates and times in emails are shown in Eastern time, with the zone named. */
const EMAIL_TIME_ZONE = 'America/Toronto';

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'fr' : 'en';
}

/** "June 14, 2026 at 11:59 p.m. EDT" / "14 juin 2026 à 23 h 59 HAE": the pages write instants the same way. */
export function formatDateTime(date: Date, lang: Lang): string {
  return readableDateTime(lang, date, EMAIL_TIME_ZONE);
}

/**
 * Builds a complete email in both languages: the person's language first, then the other, each
 * with the same content between a heading, a greeting and the sign-off. The subject carries both languages too.
 */
export function bilingualEmail(
  options: { lang: Lang; person: PersonName; subject: MessageKey; heading: MessageKey },
  body: (t: Translate, lang: Lang) => EmailBlock[],
): EmailContent {
  const order: Lang[] = [options.lang, otherLang(options.lang)];
  const name = fullNameOf(options.person);
  const sections = order.map((lang) => {
    const t: Translate = (key, params) => translate(lang, key, params);
    const blocks: EmailBlock[] = [
      { type: 'heading', text: t(options.heading) },
      { type: 'paragraph', text: t('email.greeting', { name }) },
      ...body(t, lang),
      { type: 'paragraph', text: t('email.signature') },
      { type: 'paragraph', text: t('email.automated') },
    ];
    return { lang, blocks };
  });
  return renderEmail({
    subject: order.map((lang) => translate(lang, options.subject)).join(' / '),
    preface: { lang: order[1]!, text: translate(order[1]!, 'email.languageFollows') },
    sections,
  });
}
