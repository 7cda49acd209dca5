import type { Lang } from './lang';
import { interpolate } from './define';
import { common } from './catalog/common';
import { email } from './catalog/email';
import { photo } from './catalog/photo';
import { auth } from './catalog/auth';
import { conversation } from './catalog/conversation';
import { invitations } from './catalog/invitations';
import { chat } from './catalog/chat';
import { ecopr } from './catalog/ecopr';
import { notices } from './catalog/notices';
import { help } from './catalog/help';
import { staff } from './catalog/staff';
import { outbox } from './catalog/outbox';
import { agent } from './catalog/agent';

/** Every catalog, merged. Add a domain's catalog here. */
const catalogs = [common, email, photo, auth, conversation, invitations, chat, ecopr, notices, help, staff, agent, outbox] as const;

type Merge<T extends readonly { en: object }[]> = T extends readonly [infer H extends { en: object }, ...infer R extends { en: object }[]]
  ? H['en'] & Merge<R>
  : unknown;

export type Messages = Merge<typeof catalogs>;
export type MessageKey = keyof Messages & string;

const dictionaries: Record<Lang, Record<string, string>> = {
  en: Object.assign({}, ...catalogs.map((c) => c.en)),
  fr: Object.assign({}, ...catalogs.map((c) => c.fr)),
};

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

/** True when `key` names a message (for keys built at run time, e.g. error codes). */
export function hasMessage(key: string): key is MessageKey {
  return key in dictionaries.en;
}
