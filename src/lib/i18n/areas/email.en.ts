import { emailEn } from '../catalog/email.en';

/**
 * Emails, rendered on the server only; and the development mailbox page that shows them.
 * One language per file: a page downloads only the language it shows.
 */
export default { ...emailEn };
