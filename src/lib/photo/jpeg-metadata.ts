/**
 * Removes every metadata segment from a JPEG: APP1–APP15 (EXIF, XMP, ICC profile, IPTC, ...) and
 * comments. Keeps APP0 (JFIF), the tables and the image data. Canvas writes no EXIF, but Chromium
 * adds a colour profile: the photo leaves the device with nothing but pixels.
 */
export function stripJpegMetadata(jpeg: Uint8Array): Uint8Array<ArrayBuffer> {
  const kept: Uint8Array[] = [jpeg.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    if (marker === 0xda) break; // start of scan: the rest is image data
    const metadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!metadata) kept.push(jpeg.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  kept.push(jpeg.subarray(at));
  const out = new Uint8Array(kept.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of kept) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
