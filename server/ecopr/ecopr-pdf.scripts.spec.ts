import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderEcoprPdf, type EcoprPdfData } from './ecopr-pdf';

const base: EcoprPdfData = {
  documentNumber: 'ECOPR-7KQ2-M9XP-4HTA',
  givenName: '',
  familyName: '',
  dateOfBirth: '1990-02-28',
  uci: '12345678',
  applicationNumber: 'E001234567',
  prDate: '2026-06-01',
  mailingAddress: '5-24 Sussex Dr, Ottawa ON K1M 1M4',
  issuedAt: new Date('2026-06-01T15:00:00Z'),
};
const dir = mkdtempSync(join(tmpdir(), 'ecopr-scripts-'));

/**
 * The page's text as Poppler's `pdftotext` reads it back. "Exactly" for right-to-left text: the
 * logical order the name was registered in. Glyphs are drawn in visual order; the ToUnicode map
 * gives each shaped glyph its letter, and pdftotext returns the logical order wrapped in Unicode
 * embedding marks (U+202B … U+202C), which are removed here and nothing else.
 */
async function readBack(data: Partial<EcoprPdfData>) {
  const pdf = await renderEcoprPdf({ ...base, ...data }, { verifyUrl: 'https://landing.example.ca/verify/ECOPR-7KQ2-M9XP-4HTA' });
  const file = join(dir, `${data.familyName}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
  return {
    size: pdf.length,
    lines: text
      .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
      .split('\n')
      .map((l) => l.trim()),
  };
}

const people: [script: string, givenName: string, familyName: string][] = [
  ['Latin Extended', 'Łukasz Nguyễn', 'Đặng-Wiśniewski'],
  ['Greek', 'Ελένη', 'Παπαδοπούλου'],
  ['Cyrillic', 'Владимир', 'Ёжиков'],
  ['Arabic (right to left)', 'محمد عبد الله', 'الفارسي'],
  ['Chinese and Japanese', '小明 さくら', '王山田'],
  ['Korean', '민준', '김'],
];

describe('renderEcoprPdf: every name prints as registered', () => {
  it.each(people)('%s: %s %s is read back exactly, and the PDF stays small', async (_, givenName, familyName) => {
    const { size, lines } = await readBack({ givenName, familyName });
    expect(lines).toContain(givenName);
    expect(lines).toContain(familyName);
    expect(lines).not.toContainEqual(expect.stringContaining('?'));
    // Subset fonts: the CJK font files are 6-10 MB; the page with them stays under 40 KB.
    expect(size).toBeLessThan(40_000);
  });

  it('prints an address that mixes scripts as written, beside French text in the standard fonts', async () => {
    const { lines } = await readBack({ givenName: 'Łucja', familyName: 'Nguyễn', mailingAddress: '1 Rue Đồng 王, Montréal QC H2X 1Y4' });
    expect(lines.join(' ')).toContain('1 Rue Đồng 王, Montréal QC H2X 1Y4');
    expect(lines).toContain('Confirmation de résidence permanente');
  });

  it('prints a person with one name only (no given name) without an empty line of placeholder', async () => {
    const { lines } = await readBack({ givenName: '', familyName: 'Sukarno' });
    expect(lines).toContain('Sukarno');
    expect(lines).not.toContainEqual(expect.stringContaining('?'));
  });
});
