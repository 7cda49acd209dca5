import { invitationsFr } from '../catalog/invitations.fr';
import { staffFr } from '../catalog/staff.fr';
import { outboxFr } from '../catalog/outbox.fr';
import { noticesFr } from '../catalog/notices.fr';
import { agentFr } from '../catalog/agent.fr';

/** The French side of `staff.en.ts`. */
export default { ...invitationsFr, ...staffFr, ...outboxFr, ...noticesFr, ...agentFr };
