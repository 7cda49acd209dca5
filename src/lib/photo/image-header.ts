/**
 * Reads what a JPEG or PNG file's first bytes say: its format, its size as it will be shown
 * (EXIF orientations 5–8 swap width and height) and its orientation. Pure, no DOM, so the page
 * can refuse a file before decoding or sending anything. The server re-checks every file.
 */
export type ImageHeader = { format: 'jpeg' | 'png'; width: number; height: number; orientation: number };

/** Why a file cannot even be opened: not a JPEG or PNG at all, or a header we cannot read. */
export type HeaderProblem = 'not_an_image' | 'corrupt';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** The orientation tag (0x0112) of an APP1 Exif payload starting at `start`; 1 when absent. */
function exifOrientation(view: DataView, start: number, end: number): number {
  if (end - start < 14 || view.getUint32(start) !== 0x45786966 /* "Exif" */) return 1;
  const tiff = start + 6;
  const little = view.getUint16(tiff) === 0x4949;
  const u16 = (at: number) => view.getUint16(at, little);
  const ifd0 = tiff + view.getUint32(tiff + 4, little);
  if (ifd0 + 2 > end) return 1;
  const count = u16(ifd0);
  for (let i = 0; i < count; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

function readJpeg(view: DataView): ImageHeader | HeaderProblem {
  let orientation = 1;
  let at = 2;
  while (at + 4 <= view.byteLength) {
    if (view.getUint8(at) !== 0xff) return 'corrupt';
    const marker = view.getUint8(at + 1);
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return 'corrupt'; // end or scan data before any frame size
    const length = view.getUint16(at + 2);
    if (length < 2) return 'corrupt';
    if (marker === 0xe1) orientation = exifOrientation(view, at + 4, Math.min(view.byteLength, at + 2 + length));
    if (isStartOfFrame(marker)) {
      if (at + 9 > view.byteLength) return 'corrupt';
      const height = view.getUint16(at + 5);
      const width = view.getUint16(at + 7);
      if (!width || !height) return 'corrupt';
      const turned = orientation >= 5;
      return { format: 'jpeg', width: turned ? height : width, height: turned ? width : height, orientation };
    }
    at += 2 + length;
  }
  return 'corrupt';
}

function readPng(view: DataView): ImageHeader | HeaderProblem {
  // IHDR is always the first chunk: length (13), "IHDR", width, height.
  if (view.byteLength < 24 || view.getUint32(12) !== 0x49484452) return 'corrupt';
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width && height ? { format: 'png', width, height, orientation: 1 } : 'corrupt';
}

/**
 * The header of `bytes` (the start of a file; 1 MB is plenty for every camera we know, and
 * `corrupt` means "read more or give up"). Judged by content only, never by name or type.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | HeaderProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return readJpeg(view);
    if (bytes.length >= 8 && PNG_MAGIC.every((byte, i) => bytes[i] === byte)) return readPng(view);
  } catch {
    return 'corrupt'; // a length pointing past the end: truncated or hostile
  }
  return 'not_an_image';
}
