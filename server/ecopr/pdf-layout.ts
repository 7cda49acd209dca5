import { rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { toWinAnsi } from './win-ansi';

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

/**
 * One page written top-down: `y` is the distance from the top edge, so sections read in order.
 * Every string goes through `toWinAnsi`, because the standard fonts cannot encode everything.
 */
export class PageWriter {
  private readonly encodable: ReadonlySet<number>;
  /** Multiplies every font size: below 1 when a long name or address must still fit the page. */
  scale = 1;

  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
  ) {
    this.encodable = new Set(fonts.regular.getCharacterSet());
  }

  get width() {
    return this.page.getWidth();
  }

  printable(text: string): string {
    return toWinAnsi(text, this.encodable);
  }

  /** Splits text into lines no wider than `width`; a word longer than a line is cut (URLs). */
  wrap(text: string, style: TextStyle, width: number): string[] {
    const font = this.fonts[style.font ?? 'regular'];
    const size = style.size * this.scale;
    const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
    const lines: string[] = [];
    let line = '';
    for (const word of this.printable(text).split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) line = candidate;
      else {
        if (line) lines.push(line);
        line = word;
        while (!fits(line)) {
          let cut = line.length - 1;
          while (cut > 1 && !fits(line.slice(0, cut))) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
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
    const font = this.fonts[style.font ?? 'regular'];
    const size = style.size * this.scale;
    const lineHeight = size * (style.leading ?? 1.3);
    let y = top;
    for (const line of this.wrap(text, style, width)) {
      const offset = align === 'center' ? (width - font.widthOfTextAtSize(line, size)) / 2 : 0;
      this.page.drawText(line, { x: x + offset, y: this.fromTop(y + size), font, size, color: style.color ?? ink });
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
