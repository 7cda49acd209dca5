import { commonFr } from '../catalog/common.fr';
import { authFr } from '../catalog/auth.fr';
import { conversationFr } from '../catalog/conversation.fr';
import { chatFr } from '../catalog/chat.fr';
import { photoFr } from '../catalog/photo.fr';
import { ecoprFr } from '../catalog/ecopr.fr';
import { helpFr } from '../catalog/help.fr';

/** The French side of `applicant.en.ts`. */
export default { ...commonFr, ...authFr, ...conversationFr, ...chatFr, ...photoFr, ...ecoprFr, ...helpFr };
