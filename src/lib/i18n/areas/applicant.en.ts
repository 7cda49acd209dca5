import { commonEn } from '../catalog/common.en';
import { authEn } from '../catalog/auth.en';
import { conversationEn } from '../catalog/conversation.en';
import { chatEn } from '../catalog/chat.en';
import { photoEn } from '../catalog/photo.en';
import { ecoprEn } from '../catalog/ecopr.en';
import { helpEn } from '../catalog/help.en';

/**
 * What an applicant sees once signed in, and every page's frame: home, sign-in and account steps,
 * the conversation with its photo, review, help and eCOPR, and the document check.
 * One language per file: a page downloads only the language it shows.
 */
export default { ...commonEn, ...authEn, ...conversationEn, ...chatEn, ...photoEn, ...ecoprEn, ...helpEn };
