import { invitationsFr } from '../catalog/invitations.fr';

/** The French side of `invitation.en.ts`. */
export default { ...invitationsFr };
