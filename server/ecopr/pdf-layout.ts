import { rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { scriptRuns, type UnicodeFonts } from './unicode-fonts';

export const ink = rgb(0.11, 0.137, 0.188);
export const inkSoft = rgb(0.29, 0.333, 0.408);
export const rule = rgb(0.72, 0.75, 0.79);
export const alert = rgb(0.643, 0.086, 0.102);

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

export interface TextStyle {
  font?: keyof Fonts;
  size: number;
  color?: RGB;
  /** Line height as a multiple of the size. */
  leading?: number;
}

/** A piece of a line drawn in one font. */
interface Piece {
  text: string;
  font: PDFFont;
}

/** Spaces and hyphens the standard fonts lack, as the ones they have (nothing else is changed). */
const sameLooking: Record<string, string> = { '\u202f': '\u00a0', '\u2010': '-', '\u2011': '-' };
const plain = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[\u202f\u2010\u2011]/g, (ch) => sameLooking[ch]!)
    .replace(/[^\S\u00a0]/g, ' ');

/** True when the characters of a standard font (`encodable`, WinAnsi) can draw `text` as it is. */
export function standardEncodes(encodable: ReadonlySet<number>, text: string): boolean {
  return [...plain(text)].every((ch) => encodable.has(ch.codePointAt(0)!));
}

/**
 * One page written top-down: `y` is the distance from the top edge, so sections read in order.
 * Text the standard fonts can encode (WinAnsi) uses them; any other text is drawn run by run in
 * the embedded font of each run's script (`unicode`), so every name prints as registered.
 */
export class PageWriter {
  private readonly encodable: ReadonlySet<number>;
  /** Multiplies every font size: below 1 when a long name or address must still fit the page. */
  scale = 1;

  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
    private readonly unicode: UnicodeFonts = {},
  ) {
    this.encodable = new Set(fonts.regular.getCharacterSet());
  }

  get width() {
    return this.page.getWidth();
  }

  /** True when a standard font can draw `text` as it is. */
  standard(text: string): boolean {
    return standardEncodes(this.encodable, text);
  }

  /** `text` split into the pieces that draw it: one standard-font piece, or one per script run. */
  private pieces(text: string, style: TextStyle): Piece[] {
    const standardFont = this.fonts[style.font ?? 'regular'];
    const line = plain(text);
    if (this.standard(line)) return [{ text: line, font: standardFont }];
    const weight = style.font === 'bold' ? 'bold' : 'regular';
    return scriptRuns(line).map((run) => {
      const font = this.unicode[run.family]?.[weight];
      // Only reached if a caller draws text it did not embed fonts for: never lose the page over it.
      return font
        ? { text: run.text, font }
        : { text: [...run.text].map((ch) => (this.encodable.has(ch.codePointAt(0)!) ? ch : '?')).join(''), font: standardFont };
    });
  }

  /** Width of `text` at `size`, across its pieces. */
  private widthOf(text: string, style: TextStyle, size: number): number {
    return this.pieces(text, style).reduce((sum, piece) => sum + piece.font.widthOfTextAtSize(piece.text, size), 0);
  }

  /** Splits text into lines no wider than `width`; a word longer than a line is cut (URLs). */
  wrap(text: string, style: TextStyle, width: number): string[] {
    const size = style.size * this.scale;
    const fits = (line: string) => this.widthOf(line, style, size) <= width;
    const lines: string[] = [];
    let line = '';
    for (const word of plain(text).split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) line = candidate;
      else {
        if (line) lines.push(line);
        line = word;
        while (!fits(line)) {
          const chars = [...line];
          let cut = chars.length - 1;
          while (cut > 1 && !fits(chars.slice(0, cut).join(''))) cut--;
          lines.push(chars.slice(0, cut).join(''));
          line = chars.slice(cut).join('');
        }
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  /** Height that `text` takes when wrapped to `width`. */
  measure(text: string, style: TextStyle, width: number): number {
    return this.wrap(text, style, width).length * style.size * this.scale * (style.leading ?? 1.3);
  }

  /** Draws wrapped text with its first baseline below `top`; returns the `y` just under it. */
  text(text: string, style: TextStyle, x: number, top: number, width: number, align: 'left' | 'center' = 'left'): number {
    const size = style.size * this.scale;
    const lineHeight = size * (style.leading ?? 1.3);
    let y = top;
    for (const line of this.wrap(text, style, width)) {
      let at = x + (align === 'center' ? (width - this.widthOf(line, style, size)) / 2 : 0);
      for (const { text: piece, font } of this.pieces(line, style)) {
        this.page.drawText(piece, { x: at, y: this.fromTop(y + size), font, size, color: style.color ?? ink });
        at += font.widthOfTextAtSize(piece, size);
      }
      y += lineHeight;
    }
    return y;
  }

  /** A horizontal line `top` points below the top edge. */
  line(x: number, top: number, width: number, thickness = 0.6, color: RGB = rule) {
    this.page.drawLine({ start: { x, y: this.fromTop(top) }, end: { x: x + width, y: this.fromTop(top) }, thickness, color });
  }

  /** A rectangle outline whose top-left corner is at (`x`, `top`). */
  box(x: number, top: number, width: number, height: number, color: RGB, thickness = 1) {
    this.page.drawRectangle({ x, y: this.fromTop(top + height), width, height, borderColor: color, borderWidth: thickness });
  }

  fromTop(top: number): number {
    return this.page.getHeight() - top;
  }
}
