import { getContext, setContext } from 'svelte';
import { loadLanguage } from './areas';
import { LANG_COOKIE, type Lang } from './lang';
import { translate, type MessageKey } from './messages';

/** The page's language, switchable at any time without a reload. */
export class I18n {
  lang = $state<Lang>('en');

  constructor(lang: Lang) {
    this.lang = lang;
  }

  t = (key: MessageKey, params?: Record<string, string | number>): string => translate(this.lang, key, params);

  /**
   * Switches language and remembers it for the next visit. The other language's strings are
   * fetched first (the first time), so the page never shows a key while they arrive. Never rejects:
   * if they cannot be fetched (offline, a new deployment), the page stays in its language, the
   * failure is logged and the next switch tries again. Resolves to whether the page switched.
   */
  async switchTo(lang: Lang): Promise<boolean> {
    try {
      await loadLanguage(lang);
    } catch (err) {
      console.error('could not load the strings for', lang, err);
      return false;
    }
    this.lang = lang;
    document.documentElement.lang = lang;
    document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
    return true;
  }
}

const KEY = Symbol('i18n');

export function provideI18n(lang: Lang): I18n {
  return setContext(KEY, new I18n(lang));
}

export function useI18n(): I18n {
  return getContext<I18n>(KEY);
}
