import type { Lang } from '../../../src/lib/i18n/lang';
import type { EmailContent } from '../email';
import { bilingualEmail, formatDateTime, type PersonName } from './bilingual';

export interface InvitationEmailInput {
  person: PersonName;
  /** The person's preferred language; that version comes first. */
  lang: Lang;
  acceptUrl: string;
  declineUrl: string;
  expiresAt: Date;
  applicationNumber: string;
}

/**
 * The invitation to finish landing online, in both languages: accept and decline links
 * (personal, single use, expiring), one invitation per person, and no representatives.
 */
export function invitationEmail(input: InvitationEmailInput): EmailContent {
  return bilingualEmail(
    { lang: input.lang, person: input.person, subject: 'email.invitation.subject', heading: 'email.invitation.heading' },
    (t, lang) => [
      { type: 'paragraph', text: t('email.invitation.intro', { applicationNumber: input.applicationNumber }) },
      { type: 'paragraph', text: t('email.invitation.question'), strong: true },
      { type: 'action', label: t('email.invitation.accept'), url: input.acceptUrl },
      { type: 'action', label: t('email.invitation.decline'), url: input.declineUrl },
      { type: 'paragraph', text: t('email.invitation.declineNote') },
      { type: 'paragraph', text: t('email.invitation.personal', { expiresAt: formatDateTime(input.expiresAt, lang) }), strong: true },
      { type: 'paragraph', text: t('email.invitation.eachPerson') },
      { type: 'paragraph', text: t('email.invitation.noRepresentatives') },
    ],
  );
}
