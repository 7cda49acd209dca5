import { describe, expect, it } from 'vitest';
import { escapeHtml, renderEmail } from './layout';

describe('escapeHtml', () => {
  it('neutralises every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('renderEmail', () => {
  const doc = {
    subject: 'Hello <b>',
    preface: { lang: 'fr' as const, text: 'La version française suit.' },
    sections: [
      {
        lang: 'en' as const,
        blocks: [
          { type: 'heading' as const, text: 'Title' },
          { type: 'field' as const, label: 'Username', value: 'a<b' },
          { type: 'steps' as const, title: 'Steps', items: ['one', 'two'] },
          { type: 'action' as const, label: 'Go', url: 'https://portal.example/a?x=1&y="2"' },
        ],
      },
      {
        lang: 'fr' as const,
        blocks: [
          { type: 'field' as const, label: 'Nom d’utilisateur', value: 'a<b' },
          { type: 'action' as const, label: 'Aller', url: 'https://portal.example/a?x=1&y="2"' },
          { type: 'action' as const, label: 'Autre', url: 'https://portal.example/b' },
        ],
      },
    ],
  };

  it('lists each link once, in order of appearance', () => {
    expect(renderEmail(doc).links).toEqual(['https://portal.example/a?x=1&y="2"', 'https://portal.example/b']);
  });

  it('escapes text, values, the subject and link addresses in the HTML version', () => {
    const { html } = renderEmail(doc);
    expect(html).toContain('<title>Hello &lt;b&gt;</title>');
    expect(html).toContain('a&lt;b');
    expect(html).toContain('href="https://portal.example/a?x=1&amp;y=&quot;2&quot;"');
    expect(html).not.toContain('a<b');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<div lang="fr">');
  });

  it('writes a plain-text version with numbered steps, links and French colons', () => {
    const { text } = renderEmail(doc);
    expect(text.startsWith('La version française suit.\n\nTitle\n=====')).toBe(true);
    expect(text).toContain('Steps\n1. one\n2. two');
    expect(text).toContain('Username: a<b');
    expect(text).toContain('Nom d’utilisateur\u00a0: a<b');
    expect(text).toContain('Go:\nhttps://portal.example/a?x=1&y="2"');
    expect(text).toContain('Aller\u00a0:\nhttps://portal.example/a');
  });

  it('refuses links that are not web addresses', () => {
    const bad = {
      subject: 's',
      sections: [{ lang: 'en' as const, blocks: [{ type: 'action' as const, label: 'x', url: 'javascript:alert(1)' }] }],
    };
    expect(() => renderEmail(bad)).toThrow(/non-web link/);
  });
});
