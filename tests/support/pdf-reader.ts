import { inflateSync } from 'node:zlib';

/**
 * A deliberately tiny PDF reader for our own output (pdf-lib, no object streams): enough to
 * check which text a page shows and which images it holds. pdf-lib cannot extract text.
 */

/** WinAnsi bytes 0x80–0x9F; the rest of the range is Latin-1. */
const winAnsiHigh = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

interface PdfStream {
  dict: string;
  data: Buffer;
}

function streams(pdf: Uint8Array): PdfStream[] {
  const raw = Buffer.from(pdf).toString('latin1');
  const found: PdfStream[] = [];
  const objects = /\d+ \d+ obj\b([\s\S]*?)endobj/g;
  for (const match of raw.matchAll(objects)) {
    const body = match[1]!;
    const at = body.search(/stream\r?\n/);
    if (at < 0) continue;
    const dict = body.slice(0, at);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const start = match.index + match[0].indexOf(body) + at + (body[at + 6] === '\r' ? 8 : 7);
    const bytes = Buffer.from(pdf).subarray(start, start + length);
    found.push({ dict, data: /\/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes });
  }
  return found;
}

const fromWinAnsi = (bytes: Buffer) =>
  [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? winAnsiHigh[b - 0x80]! : String.fromCharCode(b))).join('');

/** One string shown with `Tj` (pdf-lib writes one per drawn line): its font size and position. */
export interface TextRun {
  text: string;
  size: number;
  /** From the page's left and bottom edges, in points. */
  x: number;
  y: number;
}

const operators = /\/\S+ ([\d.]+) Tf|((?:-?[\d.]+ ){6})Tm|(?:<([0-9A-Fa-f]*)>|\(((?:\\.|[^\\)])*)\))\s*Tj/g;

/** Every text run of every content stream, in drawing order. */
export function pdfTextRuns(pdf: Uint8Array): TextRun[] {
  const runs: TextRun[] = [];
  for (const { dict, data } of streams(pdf)) {
    if (/\/Subtype\s*\/Image/.test(dict)) continue;
    let size = 0;
    let [x, y] = [0, 0];
    for (const [, fontSize, matrix, hex, literal] of data.toString('latin1').matchAll(operators)) {
      if (fontSize !== undefined) size = Number(fontSize);
      else if (matrix !== undefined) [x, y] = matrix.trim().split(' ').slice(4).map(Number) as [number, number];
      else runs.push({ text: hex !== undefined ? fromWinAnsi(Buffer.from(hex, 'hex')) : literal!.replace(/\\(.)/g, '$1'), size, x, y });
    }
  }
  return runs;
}

/** The text of every run, in drawing order. */
export const pdfTextLines = (pdf: Uint8Array): string[] => pdfTextRuns(pdf).map((run) => run.text);

export interface PdfImage {
  width: number;
  height: number;
  colorSpace: string;
  /** Decoded samples, row by row. */
  samples: Buffer;
}

/** The image XObjects, soft masks (`DeviceGray` alpha) included. */
export function pdfImages(pdf: Uint8Array): PdfImage[] {
  return streams(pdf)
    .filter(({ dict }) => /\/Subtype\s*\/Image/.test(dict))
    .map(({ dict, data }) => ({
      width: Number(/\/Width (\d+)/.exec(dict)?.[1]),
      height: Number(/\/Height (\d+)/.exec(dict)?.[1]),
      colorSpace: /\/ColorSpace\s*\/(\w+)/.exec(dict)?.[1] ?? '',
      samples: data,
    }));
}

/** Number of pages (`/Type /Page` dictionaries). */
export function pdfPageCount(pdf: Uint8Array): number {
  return [
    ...Buffer.from(pdf)
      .toString('latin1')
      .matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g),
  ].length;
}

/** A document-information entry (`/Title`, `/Author`, ...) decoded, or null when absent. */
export function pdfInfo(pdf: Uint8Array, key: string): string | null {
  const raw = Buffer.from(pdf).toString('latin1');
  const match = new RegExp(`/${key}\\s*(?:<([0-9A-Fa-f]*)>|\\(((?:\\\\.|[^\\\\)])*)\\))`).exec(raw);
  if (!match) return null;
  if (match[2] !== undefined) return match[2];
  const bytes = Buffer.from(match[1]!, 'hex');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return fromWinAnsi(bytes);
}
