import { degrees, rgb, type PDFImage } from 'pdf-lib';
import { formatUci } from '../../src/lib/shared/application.schemas';
import type { Lang } from '../../src/lib/i18n/lang';
import { translate, type MessageKey } from '../../src/lib/i18n/messages.server';
import type { EcoprPdfData } from './ecopr-pdf';
import { alert, inkSoft, PageWriter, type TextStyle } from './pdf-layout';
import { dateInCanada } from './pr-date';

export const MARGIN = 54;
/** Top and bottom page margins: smaller than the sides, to leave room for long names. */
const EDGE = 40;
/** Height of the verification and signature block, anchored above the footer. */
export const BOTTOM_BLOCK = 108;
const GUTTER = 24;
const CONTENT = 612 - 2 * MARGIN;
const COLUMN = (CONTENT - GUTTER) / 2;
const columns: [Lang, number][] = [
  ['en', MARGIN],
  ['fr', MARGIN + COLUMN + GUTTER],
];
const QR_SIZE = 92;

const t = (lang: Lang, key: MessageKey, params?: Record<string, string>) => translate(lang, key, params);

/** Draws the same blocks in English (left) and French (right); returns the `y` under the longer. */
function sideBySide(w: PageWriter, top: number, blocks: (lang: Lang) => [string, TextStyle, number?][]): number {
  let bottom = top;
  for (const [lang, x] of columns) {
    let y = top;
    for (const [text, style, indent = 0] of blocks(lang)) {
      if (indent) w.text('•', style, x, y, indent);
      y = w.text(text, style, x + indent, y, COLUMN - indent) + 2;
    }
    bottom = Math.max(bottom, y);
  }
  return bottom;
}

/** A large, faint, diagonal SPECIMEN behind everything. */
export function watermark(w: PageWriter) {
  const size = 112;
  const width = w.fonts.bold.widthOfTextAtSize('SPECIMEN', size);
  const angle = (35 * Math.PI) / 180;
  const [cx, cy] = [w.width / 2, w.page.getHeight() / 2];
  const x = cx - (Math.cos(angle) * width) / 2 + Math.sin(angle) * size * 0.35;
  const y = cy - (Math.sin(angle) * width) / 2 - Math.cos(angle) * size * 0.35;
  w.page.drawText('SPECIMEN', { x, y, size, font: w.fonts.bold, rotate: degrees(35), color: alert, opacity: 0.07 });
}

export function specimenBanner(w: PageWriter, top = EDGE): number {
  const style: TextStyle = { font: 'bold', size: 10, color: alert };
  const height = 21;
  w.box(MARGIN, top, CONTENT, height, alert, 1.2);
  w.text(`${t('en', 'ecopr.pdf.specimen')}   |   ${t('fr', 'ecopr.pdf.specimen')}`, style, MARGIN, top + 4.5, CONTENT, 'center');
  return top + height;
}

export function heading(w: PageWriter, top: number): number {
  let y = top;
  for (const lang of ['en', 'fr'] as const)
    y = w.text(t(lang, 'ecopr.pdf.title'), { font: 'bold', size: 16, leading: 1.22 }, MARGIN, y, CONTENT, 'center');
  const subtitle = `${t('en', 'ecopr.pdf.subtitle')} / ${t('fr', 'ecopr.pdf.subtitle')}`;
  y = w.text(subtitle, { size: 10, color: inkSoft }, MARGIN, y + 2, CONTENT, 'center');
  w.line(MARGIN, y + 8, CONTENT, 1.2);
  return y + 8;
}

/** The holder's details, one row per field: English label, French label, then the value. */
export function fieldRows(w: PageWriter, data: EcoprPdfData, top: number): number {
  const rows: [MessageKey, string][] = [
    ['ecopr.pdf.familyName', data.familyName],
    ['ecopr.pdf.givenNames', data.givenName],
    ['ecopr.pdf.dateOfBirth', data.dateOfBirth],
    ['ecopr.pdf.uci', formatUci(data.uci)],
    ['ecopr.pdf.applicationNumber', data.applicationNumber],
    ['ecopr.pdf.prDate', data.prDate],
    ['ecopr.pdf.documentNumber', data.documentNumber],
  ];
  const labelWidth = 200;
  let y = top;
  for (const [key, value] of rows) {
    const enEnd = w.text(t('en', key), { size: 8.5, leading: 1.2 }, MARGIN, y + 5, labelWidth);
    const labelsEnd = w.text(t('fr', key), { font: 'italic', size: 8, color: inkSoft, leading: 1.2 }, MARGIN, enEnd, labelWidth);
    const valueEnd = w.text(value, { font: 'bold', size: 12, leading: 1.2 }, MARGIN + labelWidth + 12, y + 7, CONTENT - labelWidth - 12);
    y = Math.max(labelsEnd, valueEnd) + 4;
    w.line(MARGIN, y, CONTENT);
  }
  return y;
}

export function statement(w: PageWriter, top: number): number {
  return sideBySide(w, top, (lang) => [[t(lang, 'ecopr.pdf.statement'), { size: 9.5 }]]);
}

export function instructions(w: PageWriter, mailingAddress: string, top: number): number {
  const item: TextStyle = { size: 9, leading: 1.25 };
  // Keeps the civic number with the street name: "24 Sussex Dr", never "24" alone at a line end.
  const address = mailingAddress.replace(/^(\S+) /, '$1\u00a0');
  return sideBySide(w, top, (lang) => [
    [t(lang, 'ecopr.instructions.title'), { font: 'bold', size: 10.5 }],
    [t(lang, 'ecopr.instructions.print'), item, 10],
    [t(lang, 'ecopr.instructions.sign'), item, 10],
    [t(lang, 'ecopr.instructions.child'), item, 10],
    [t(lang, 'ecopr.instructions.card', { address }), item, 10],
  ]);
}

/** Left: the QR code, its address and what the check shows. Right: the holder's signature. */
export function verificationAndSignature(w: PageWriter, qr: PDFImage, verifyUrl: string, top: number) {
  const [left, right] = [columns[0]![1], columns[1]![1]];
  w.page.drawImage(qr, { x: left, y: w.fromTop(top + QR_SIZE), width: QR_SIZE, height: QR_SIZE });
  w.text(verifyUrl, { size: 7.5, font: 'bold' }, left, top + QR_SIZE + 3, COLUMN);
  const textX = left + QR_SIZE + 8;
  const textWidth = COLUMN - QR_SIZE - 8;
  let y = top + 4;
  for (const lang of ['en', 'fr'] as const) {
    y = w.text(t(lang, 'ecopr.pdf.verifyTitle'), { font: 'bold', size: 8.5 }, textX, y, textWidth);
    y = w.text(t(lang, 'ecopr.pdf.verifyText'), { size: 7, color: inkSoft, leading: 1.25 }, textX, y, textWidth) + 4;
  }

  const boxHeight = 56;
  w.box(right, top, COLUMN, boxHeight, rgb(0.55, 0.58, 0.62), 0.8);
  w.line(right + 12, top + boxHeight - 14, COLUMN - 24, 0.8, rgb(0.2, 0.2, 0.2));
  const label = `${t('en', 'ecopr.pdf.signature')} / ${t('fr', 'ecopr.pdf.signature')}`;
  let below = w.text(label, { font: 'bold', size: 9 }, right, top + boxHeight + 4, COLUMN);
  for (const lang of ['en', 'fr'] as const)
    below = w.text(t(lang, 'ecopr.pdf.signatureChild'), { size: 8, color: inkSoft }, right, below, COLUMN);
}

const footerStyle: TextStyle = { font: 'bold', size: 7.5, color: alert, leading: 1.25 };
const footerNotes = (lang: Lang) => `${t(lang, 'ecopr.pdf.specimen')}. ${t(lang, 'ecopr.pdf.notOfficial')}`;

/** Where the footer starts (its rule), measured so the rest of the page can stop above it. */
export function footerTop(w: PageWriter): number {
  const height = Math.max(...columns.map(([lang]) => w.measure(footerNotes(lang), footerStyle, COLUMN))) + 14;
  return w.page.getHeight() - EDGE - height - 6;
}

/** Bottom of the page: not an official document, in both languages, and the issue date. */
export function footer(w: PageWriter, data: EcoprPdfData, top: number) {
  w.line(MARGIN, top, CONTENT, 1.2, alert);
  const end = sideBySide(w, top + 6, (lang) => [[footerNotes(lang), footerStyle]]);
  const date = dateInCanada(data.issuedAt);
  const issued = `${t('en', 'ecopr.pdf.issued', { date })} / ${t('fr', 'ecopr.pdf.issued', { date })}   ·   ${data.documentNumber}`;
  w.text(issued, { size: 7, color: inkSoft }, MARGIN, end + 2, CONTENT);
}
