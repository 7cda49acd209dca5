import { invitationsEn } from '../catalog/invitations.en';

/**
 * The invitation page an applicant opens from their email (officers see the same words on theirs).
 * One language per file: a page downloads only the language it shows.
 */
export default { ...invitationsEn };
