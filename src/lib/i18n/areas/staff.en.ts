import { invitationsEn } from '../catalog/invitations.en';
import { staffEn } from '../catalog/staff.en';
import { outboxEn } from '../catalog/outbox.en';
import { noticesEn } from '../catalog/notices.en';
import { agentEn } from '../catalog/agent.en';

/**
 * The officers', agents' and admins' screens: registering applications and invitations, the board
 * and case view, the outbox, decision notices, and the agent desk (which shows the officers' case
 * vocabulary, so both are one area).
 * One language per file: a page downloads only the language it shows.
 */
export default { ...invitationsEn, ...staffEn, ...outboxEn, ...noticesEn, ...agentEn };
