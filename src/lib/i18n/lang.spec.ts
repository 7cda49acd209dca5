import { describe, expect, it } from 'vitest';
import { negotiateLang } from './lang';
import { interpolate } from './define';
import { translate } from './messages.server';
import { commonEn } from './catalog/common.en';
import { commonFr } from './catalog/common.fr';

describe('negotiateLang', () => {
  it('prefers the cookie, then Accept-Language, then English', () => {
    expect(negotiateLang('fr', 'en-CA,en;q=0.9')).toBe('fr');
    expect(negotiateLang(undefined, 'fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(negotiateLang('de', 'de-DE, en;q=0.5')).toBe('en');
    expect(negotiateLang(undefined, undefined)).toBe('en');
  });
});

describe('messages', () => {
  it('has a non-empty French text for every English key', () => {
    for (const key of Object.keys(commonEn) as (keyof typeof commonEn)[]) {
      expect(commonFr[key], key).toBeTruthy();
    }
  });

  it('translates and interpolates', () => {
    expect(translate('fr', 'home.signIn')).toBe('Se connecter');
    expect(interpolate('Step {n} of {total}', { n: 4, total: 8 })).toBe('Step 4 of 8');
    expect(interpolate('Hello {who}', {})).toBe('Hello {who}');
  });
});
