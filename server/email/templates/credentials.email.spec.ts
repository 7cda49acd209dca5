import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/lib/i18n/messages.server';
import { credentialsEmail } from './credentials.email';

const input = {
  person: { givenName: 'Sam', familyName: 'Lee' },
  username: 'sam.lee4',
  temporaryPassword: 'Xq7<k&P2>"vM9',
  signInUrl: 'https://portal.example/sign-in',
};

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('credentialsEmail', () => {
  it.each(['en', 'fr'] as const)('gives the username, the password and every step in both languages, %s first', (lang) => {
    const email = credentialsEmail({ ...input, lang });
    for (const language of ['en', 'fr'] as const) {
      for (const key of [
        'email.credentials.oneTime',
        'email.credentials.step.open',
        'email.credentials.step.enter',
        'email.credentials.step.choose',
        'email.credentials.step.continue',
        'email.credentials.neverShare',
      ] as const) {
        expect(email.text).toContain(translate(language, key));
      }
    }
    expect(occurrences(email.text, 'sam.lee4')).toBe(2);
    expect(occurrences(email.text, input.temporaryPassword)).toBe(2);
    expect(email.text.indexOf(translate(lang, 'email.credentials.heading'))).toBeLessThan(
      email.text.indexOf(translate(lang === 'en' ? 'fr' : 'en', 'email.credentials.heading')),
    );
    expect(email.text).toContain(lang === 'en' ? 'Temporary password: ' : 'Mot de passe temporaire\u00a0: ');
  });

  it('says a new password will be asked for', () => {
    const { text } = credentialsEmail({ ...input, lang: 'en' });
    expect(text).toContain('You will be asked to choose a new password.');
    expect(text).toContain('On vous demandera de choisir un nouveau mot de passe.');
  });

  it('escapes the password in the HTML version and lists the sign-in link', () => {
    const email = credentialsEmail({ ...input, lang: 'en' });
    expect(occurrences(email.html, 'Xq7&lt;k&amp;P2&gt;&quot;vM9')).toBe(2);
    expect(email.html).not.toContain(input.temporaryPassword);
    expect(email.links).toEqual([input.signInUrl]);
  });
});
