import type { Lang } from './lang';
import { addMessages } from './messages';

/**
 * Strings come in areas, one file per area and language, so that a person downloads only their
 * own words in the language they read: an applicant never fetches the staff screens' strings, nor
 * French until they switch, and the conversation does not carry the invitation page's. `email`
 * is for the server (and the development mailbox page).
 */
const loaders = {
  applicant: { en: () => import('./areas/applicant.en'), fr: () => import('./areas/applicant.fr') },
  invitation: { en: () => import('./areas/invitation.en'), fr: () => import('./areas/invitation.fr') },
  staff: { en: () => import('./areas/staff.en'), fr: () => import('./areas/staff.fr') },
  email: { en: () => import('./areas/email.en'), fr: () => import('./areas/email.fr') },
} satisfies Record<string, Record<Lang, () => Promise<{ default: Record<string, string> }>>>;

export type Area = keyof typeof loaders;

const loaded = new Map<string, Promise<void>>();
const wanted = new Set<Area>();

/** Loads an area's strings in `lang` (once); the page renders after this resolves, so no key ever shows. */
export function loadArea(area: Area, lang: Lang): Promise<void> {
  wanted.add(area);
  const id = `${area}.${lang}`;
  let done = loaded.get(id);
  if (!done) {
    done = loaders[area][lang]().then((module) => addMessages(lang, module.default));
    done.catch(() => loaded.delete(id)); // a failed download may be tried again
    loaded.set(id, done);
  }
  return done;
}

/**
 * An area's strings that came with the page itself (rendered on the server): no request needed.
 * Later calls to `loadArea` for the same area and language find them here.
 */
export function provideArea(area: Area, lang: Lang, messages: Record<string, string>) {
  wanted.add(area);
  addMessages(lang, messages);
  loaded.set(`${area}.${lang}`, Promise.resolve());
}

/** Loads every area this page uses in `lang`: called before the page switches language. */
export function loadLanguage(lang: Lang): Promise<void> {
  return Promise.all([...wanted].map((area) => loadArea(area, lang))).then(() => undefined);
}
