import type { Lang } from '../../../src/lib/i18n/lang';
import { translate } from '../../../src/lib/i18n/messages.server';
import type { EmailContent } from '../email';

/** The pieces an email is made of; every string is plain text and is escaped when rendered. */
export type EmailBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; strong?: boolean }
  | { type: 'field'; label: string; value: string }
  | { type: 'steps'; title: string; items: string[] }
  | { type: 'action'; label: string; url: string };

/** One complete version of the message in one language. */
export interface EmailSection {
  lang: Lang;
  blocks: EmailBlock[];
}

export interface EmailDocument {
  subject: string;
  /** A short line above everything, e.g. "La version française suit." */
  preface?: { lang: Lang; text: string };
  sections: EmailSection[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Makes any value safe inside HTML text and quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** Only web links go into an email; anything else is a programming error. */
function checkedUrl(url: string): string {
  const { protocol } = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`Refusing a non-web link in an email: ${protocol}`);
  return url;
}

/** "Label:" in English, "Label :" (no-break space) in French. */
function withColon(label: string, lang: Lang): string {
  return lang === 'fr' ? `${label}\u00a0:` : `${label}:`;
}

const font = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif";
const styles = {
  body: `margin:0;padding:0;background:#f6f7f9;color:#1c2330;${font};font-size:16px;line-height:1.55`,
  frame: 'max-width:600px;margin:0 auto;padding:24px 16px',
  card: 'background:#ffffff;border:1px solid #d9dde3;border-radius:12px;padding:24px',
  small: 'font-size:14px;color:#4a5568',
  h1: 'font-size:22px;line-height:1.25;margin:0 0 16px',
  button: 'display:inline-block;background:#b3261e;color:#ffffff;font-weight:600;text-decoration:none;padding:12px 20px;border-radius:8px',
  value: "font-family:'SFMono-Regular',Consolas,monospace;font-size:18px;font-weight:700;letter-spacing:0.5px",
  rule: 'border:none;border-top:1px solid #d9dde3;margin:32px 0',
};

function blockHtml(block: EmailBlock, lang: Lang): string {
  switch (block.type) {
    case 'heading':
      return `<h1 style="${styles.h1}">${escapeHtml(block.text)}</h1>`;
    case 'paragraph':
      return block.strong ? `<p><strong>${escapeHtml(block.text)}</strong></p>` : `<p>${escapeHtml(block.text)}</p>`;
    case 'field':
      return `<p>${escapeHtml(withColon(block.label, lang))}<br><span style="${styles.value}">${escapeHtml(block.value)}</span></p>`;
    case 'steps':
      return `<p><strong>${escapeHtml(block.title)}</strong></p><ol>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ol>`;
    case 'action': {
      const href = escapeHtml(checkedUrl(block.url));
      return (
        `<p style="margin:24px 0 8px"><a href="${href}" style="${styles.button}">${escapeHtml(block.label)}</a></p>` +
        `<p style="${styles.small}">${escapeHtml(translate(lang, 'email.linkFallback'))}<br><a href="${href}">${href}</a></p>`
      );
    }
  }
}

function blockText(block: EmailBlock, lang: Lang): string {
  switch (block.type) {
    case 'heading':
      return `${block.text}\n${'='.repeat(block.text.length)}`;
    case 'paragraph':
      return block.text;
    case 'field':
      return `${withColon(block.label, lang)} ${block.value}`;
    case 'steps':
      return [block.title, ...block.items.map((item, i) => `${i + 1}. ${item}`)].join('\n');
    case 'action':
      return `${withColon(block.label, lang)}\n${checkedUrl(block.url)}`;
  }
}

/** Renders the HTML and plain-text versions of one email and lists its links in order. */
export function renderEmail(doc: EmailDocument): EmailContent {
  const primary = doc.sections[0]?.lang ?? 'en';
  const preface = doc.preface;
  const sectionsHtml = doc.sections
    .map((section) => `<div lang="${section.lang}">${section.blocks.map((block) => blockHtml(block, section.lang)).join('\n')}</div>`)
    .join(`\n<hr style="${styles.rule}">\n`);
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${primary}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(doc.subject)}</title></head>`,
    `<body style="${styles.body}"><div style="${styles.frame}">`,
    preface ? `<p lang="${preface.lang}" style="${styles.small}">${escapeHtml(preface.text)}</p>` : '',
    `<div style="${styles.card}">${sectionsHtml}</div>`,
    '</div></body></html>',
  ].join('\n');
  const sectionsText = doc.sections
    .map((section) => section.blocks.map((block) => blockText(block, section.lang)).join('\n\n'))
    .join(`\n\n${'-'.repeat(60)}\n\n`);
  const text = preface ? `${preface.text}\n\n${sectionsText}` : sectionsText;
  const links = [
    ...new Set(doc.sections.flatMap((section) => section.blocks.flatMap((block) => (block.type === 'action' ? [block.url] : [])))),
  ];
  return { subject: doc.subject, html, text: `${text}\n`, links };
}
