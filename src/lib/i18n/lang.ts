export const languages = ['en', 'fr'] as const;
export type Lang = (typeof languages)[number];

export const LANG_COOKIE = 'lang';

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'fr';
}

/** Picks EN or FR from a cookie value, then Accept-Language, then English. */
export function negotiateLang(cookie: string | undefined, acceptLanguage: string | null | undefined): Lang {
  if (isLang(cookie)) return cookie;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (isLang(tag)) return tag;
  }
  return 'en';
}
