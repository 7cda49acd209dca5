import applicantEn from './areas/applicant.en';
import applicantFr from './areas/applicant.fr';
import emailEn from './areas/email.en';
import emailFr from './areas/email.fr';
import invitationEn from './areas/invitation.en';
import invitationFr from './areas/invitation.fr';
import staffEn from './areas/staff.en';
import staffFr from './areas/staff.fr';
import type { Lang } from './lang';
import { addMessages } from './messages';

/**
 * The server speaks every area in both languages (pages rendered on the server, emails, PDFs,
 * error messages): importing this module loads them all. The browser never imports it.
 */
for (const messages of [applicantEn, invitationEn, staffEn, emailEn]) addMessages('en', messages);
for (const messages of [applicantFr, invitationFr, staffFr, emailFr]) addMessages('fr', messages);

export { hasMessage, translate, translateKey, type MessageKey } from './messages';

/** The applicant's strings in one language, sent inside a page the server renders (see `routes/+layout.ts`). */
export const applicantMessages = (lang: Lang): Record<string, string> => (lang === 'fr' ? applicantFr : applicantEn);
