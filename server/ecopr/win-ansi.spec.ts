import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { toWinAnsi } from './win-ansi';

let encodable: Set<number>;
beforeAll(async () => {
  const pdf = await PDFDocument.create();
  encodable = new Set((await pdf.embedFont(StandardFonts.Helvetica)).getCharacterSet());
});

describe('toWinAnsi', () => {
  it('keeps French and other Western accents as they are', () => {
    const text = 'Zoë Lefebvre-Tremblay, Hélène Côté, François, Müller, Ødegård, Œuvre « test » ’';
    expect(toWinAnsi(text, encodable)).toBe(text);
  });

  it('keeps the accents WinAnsi has and drops the others (Vietnamese)', () => {
    expect(toWinAnsi('Phạm Thị Ngọc Nguyễn Đặng', encodable)).toBe('Pham Thi Ngoc Nguyên Dang');
  });

  it('substitutes letters without a decomposition (Polish, Turkish)', () => {
    expect(toWinAnsi('Łukasz Wiśniewski, Kırıkkale', encodable)).toBe('Lukasz Wisniewski, Kirikkale');
  });

  it('composes decomposed input first, so a typed e + accent stays é', () => {
    expect(toWinAnsi('Ame\u0301lie', encodable)).toBe('Amélie');
  });

  it('turns other spaces into spaces and anything unprintable into ?', () => {
    expect(toWinAnsi('14\u202fans\tok 王芳', encodable)).toBe('14\u00a0ans ok ??');
  });

  it('always returns something a standard font can encode', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const everything = Array.from({ length: 0x2fff }, (_, i) => String.fromCodePoint(i + 32)).join('');
    expect(() => font.encodeText(toWinAnsi(everything, encodable))).not.toThrow();
  });
});
