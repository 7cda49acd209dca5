import type { Lang } from './lang';
import { interpolate } from './define';
import type { agentEn } from './catalog/agent.en';
import type { authEn } from './catalog/auth.en';
import type { chatEn } from './catalog/chat.en';
import type { commonEn } from './catalog/common.en';
import type { conversationEn } from './catalog/conversation.en';
import type { ecoprEn } from './catalog/ecopr.en';
import type { emailEn } from './catalog/email.en';
import type { helpEn } from './catalog/help.en';
import type { invitationsEn } from './catalog/invitations.en';
import type { noticesEn } from './catalog/notices.en';
import type { outboxEn } from './catalog/outbox.en';
import type { photoEn } from './catalog/photo.en';
import type { staffEn } from './catalog/staff.en';

/** Every key of every domain (types only: nothing here is downloaded). Add a domain's English here. */
export type Messages = typeof commonEn &
  typeof emailEn &
  typeof photoEn &
  typeof authEn &
  typeof conversationEn &
  typeof invitationsEn &
  typeof chatEn &
  typeof ecoprEn &
  typeof noticesEn &
  typeof helpEn &
  typeof staffEn &
  typeof agentEn &
  typeof outboxEn;
export type MessageKey = keyof Messages & string;

/**
 * The strings this page has loaded so far, by language. The browser fills it area by area
 * (`areas.ts`); the server fills it with everything (`messages.server.ts`).
 */
const dictionaries: Record<Lang, Record<string, string>> = { en: {}, fr: {} };

/** Makes `messages` available in `lang`. */
export function addMessages(lang: Lang, messages: Record<string, string>) {
  Object.assign(dictionaries[lang], messages);
}

/** The message `key` in `lang`, with `{placeholders}` filled in. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(dictionaries[lang][key] ?? key, params);
}

/**
 * A message whose key is built at run time (stored transcript keys, error codes): the key itself
 * when it is unknown, so a gap shows up instead of a blank.
 */
export function translateKey(lang: Lang, key: string, params?: Record<string, string | number>): string {
  return interpolate(dictionaries[lang][key] ?? key, params);
}

/** True when `key` names a loaded message (for keys built at run time, e.g. error codes). */
export function hasMessage(key: string): key is MessageKey {
  return key in dictionaries.en || key in dictionaries.fr;
}
