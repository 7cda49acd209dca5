import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/lib/i18n/lang';
import { translate, type MessageKey } from '../../../src/lib/i18n/messages.server';
import { invitationEmail } from './invitation.email';

const input = {
  person: { givenName: 'Amélie', familyName: 'Tremblay' },
  acceptUrl: 'https://portal.example/invitations/accept?token=abc&lang=fr',
  declineUrl: 'https://portal.example/invitations/decline?token=abc',
  expiresAt: new Date('2026-06-15T03:59:00Z'),
  applicationNumber: 'E001234567',
};

/** Every sentence the invitation must carry, in the given language. */
function sentences(lang: Lang): string[] {
  const expiresAt = lang === 'en' ? 'June 14, 2026 at 11:59 p.m. EDT' : '14 juin 2026 à 23 h 59 HAE';
  const keys: MessageKey[] = [
    'email.invitation.heading',
    'email.invitation.question',
    'email.invitation.accept',
    'email.invitation.decline',
    'email.invitation.declineNote',
    'email.invitation.eachPerson',
    'email.invitation.noRepresentatives',
    'email.signature',
  ];
  return [
    ...keys.map((key) => translate(lang, key)),
    translate(lang, 'email.greeting', { name: 'Amélie Tremblay' }),
    translate(lang, 'email.invitation.intro', { applicationNumber: 'E001234567' }),
    translate(lang, 'email.invitation.personal', { expiresAt }),
  ];
}

describe('invitationEmail', () => {
  it.each(['en', 'fr'] as const)('is complete in both languages, %s first', (lang) => {
    const other: Lang = lang === 'en' ? 'fr' : 'en';
    const email = invitationEmail({ ...input, lang });
    for (const sentence of [...sentences('en'), ...sentences('fr')]) expect(email.text).toContain(sentence);
    const first = email.text.indexOf(translate(lang, 'email.invitation.heading'));
    const second = email.text.indexOf(translate(other, 'email.invitation.heading'));
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThan(second);
    expect(email.subject).toBe(`${translate(lang, 'email.invitation.subject')} / ${translate(other, 'email.invitation.subject')}`);
    expect(email.html).toContain(`<html lang="${lang}">`);
    expect(email.html.indexOf(`<div lang="${lang}">`)).toBeLessThan(email.html.indexOf(`<div lang="${other}">`));
  });

  it('tells the reader, in the other language, that their version follows', () => {
    expect(invitationEmail({ ...input, lang: 'fr' }).text.startsWith('The English version follows.')).toBe(true);
    expect(invitationEmail({ ...input, lang: 'en' }).text.startsWith('La version française suit.')).toBe(true);
  });

  it('lists the accept and decline links, each once', () => {
    const email = invitationEmail({ ...input, lang: 'en' });
    expect(email.links).toEqual([input.acceptUrl, input.declineUrl]);
    expect(email.html).toContain('href="https://portal.example/invitations/accept?token=abc&amp;lang=fr"');
  });

  it('keeps a hostile name inert in the HTML version', () => {
    const email = invitationEmail({ ...input, lang: 'en', person: { givenName: '<script>alert(1)</script>', familyName: '"O\'Neil"' } });
    expect(email.html).not.toMatch(/<script/i);
    expect(email.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; &quot;O&#39;Neil&quot;,');
    expect(email.text).toContain('Hello <script>alert(1)</script> "O\'Neil",');
  });
});
