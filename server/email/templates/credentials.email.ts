import type { Lang } from '../../../src/lib/i18n/lang';
import type { EmailContent } from '../email';
import { bilingualEmail, type PersonName } from './bilingual';

export interface CredentialsEmailInput {
  person: PersonName;
  /** The person's preferred language; that version comes first. */
  lang: Lang;
  username: string;
  /** Works once; the person must choose a new password when they first sign in. */
  temporaryPassword: string;
  signInUrl: string;
}

/** The second email, after an accepted invitation: username, one-time temporary password and how to sign in. */
export function credentialsEmail(input: CredentialsEmailInput): EmailContent {
  return bilingualEmail(
    { lang: input.lang, person: input.person, subject: 'email.credentials.subject', heading: 'email.credentials.heading' },
    (t) => [
      { type: 'paragraph', text: t('email.credentials.intro') },
      { type: 'field', label: t('email.credentials.username'), value: input.username },
      { type: 'field', label: t('email.credentials.password'), value: input.temporaryPassword },
      { type: 'paragraph', text: t('email.credentials.oneTime') },
      {
        type: 'steps',
        title: t('email.credentials.stepsTitle'),
        items: [
          t('email.credentials.step.open'),
          t('email.credentials.step.enter'),
          t('email.credentials.step.choose'),
          t('email.credentials.step.continue'),
        ],
      },
      { type: 'action', label: t('email.credentials.signIn'), url: input.signInUrl },
      { type: 'paragraph', text: t('email.credentials.neverShare'), strong: true },
      { type: 'paragraph', text: t('email.credentials.ownAccount') },
    ],
  );
}
