import { describe, expect, it } from 'vitest';
import { noticeEmail } from './notice.email';

describe('noticeEmail', () => {
  it('renders catalog messages in both languages, preferred first, with per-language values', () => {
    const email = noticeEmail({
      person: { givenName: 'Ana', familyName: '<b>Silva</b>' },
      lang: 'fr',
      subject: 'email.invitation.subject',
      heading: 'email.invitation.heading',
      paragraphs: ['email.invitation.personal'],
      params: (lang) => ({ expiresAt: lang === 'fr' ? '1er juillet' : 'July 1' }),
      action: { label: 'email.credentials.signIn', url: 'https://portal.example/sign-in' },
    });
    expect(email.subject.startsWith('Invitation\u00a0: ')).toBe(true);
    expect(email.text).toContain('Ils expirent le 1er juillet.');
    expect(email.text).toContain('They expire on July 1.');
    expect(email.text.indexOf('Bonjour Ana')).toBeLessThan(email.text.indexOf('Hello Ana'));
    expect(email.html).toContain('Ana &lt;b&gt;Silva&lt;/b&gt;');
    expect(email.links).toEqual(['https://portal.example/sign-in']);
  });
});
