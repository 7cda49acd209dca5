/** What the first bytes of a file say it is: an accepted photo format, another image format, or neither. */
export type ImageSignature = 'jpeg' | 'png' | 'other_image' | 'unknown';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Image formats we recognise only to give a better reason than "not an image". */
const otherImageMagics: readonly { offset: number; bytes: Buffer }[] = [
  { offset: 0, bytes: Buffer.from('GIF8') },
  { offset: 8, bytes: Buffer.from('WEBP') },
  { offset: 0, bytes: Buffer.from([0x49, 0x49, 0x2a, 0x00]) }, // TIFF, little-endian
  { offset: 0, bytes: Buffer.from([0x4d, 0x4d, 0x00, 0x2a]) }, // TIFF, big-endian
  { offset: 0, bytes: Buffer.from([0xff, 0x0a]) }, // JPEG XL codestream
  { offset: 4, bytes: Buffer.from('JXL ') }, // JPEG XL container
  { offset: 4, bytes: Buffer.from('jP  ') }, // JPEG 2000
  { offset: 0, bytes: Buffer.from([0x00, 0x00, 0x01, 0x00]) }, // ICO
];

function startsWithAt(bytes: Buffer, offset: number, magic: Buffer): boolean {
  return bytes.length >= offset + magic.length && bytes.subarray(offset, offset + magic.length).equals(magic);
}

/** HEIC/HEIF/AVIF share the ISO media `ftyp` box with videos; the brand tells them apart. */
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

function looksLikeHeif(bytes: Buffer): boolean {
  return startsWithAt(bytes, 4, Buffer.from('ftyp')) && heifBrands.has(bytes.subarray(8, 12).toString('latin1'));
}

/** BMP: `BM`, then a DIB header whose size is one of the few defined ones. */
function looksLikeBmp(bytes: Buffer): boolean {
  return startsWithAt(bytes, 0, Buffer.from('BM')) && bytes.length >= 18 && [12, 40, 52, 56, 64, 108, 124].includes(bytes.readUInt32LE(14));
}

function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'));
}

/**
 * Judges a file by its content only, never by its name or declared type.
 * JPEG: `FF D8 FF`; PNG: the 8-byte signature `89 50 4E 47 0D 0A 1A 0A`.
 */
export function sniffImage(bytes: Buffer): ImageSignature {
  if (startsWithAt(bytes, 0, Buffer.from([0xff, 0xd8, 0xff]))) return 'jpeg';
  if (startsWithAt(bytes, 0, PNG_MAGIC)) return 'png';
  if (otherImageMagics.some(({ offset, bytes: magic }) => startsWithAt(bytes, offset, magic))) return 'other_image';
  return looksLikeHeif(bytes) || looksLikeBmp(bytes) || looksLikeSvg(bytes) ? 'other_image' : 'unknown';
}
