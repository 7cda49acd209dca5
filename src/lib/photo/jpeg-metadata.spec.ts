import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stripJpegMetadata } from './jpeg-metadata';

describe('stripJpegMetadata', () => {
  it('drops EXIF, ICC, XMP and comments and keeps the same pixels', async () => {
    const tagged = await sharp({ create: { width: 40, height: 56, channels: 3, background: '#c33' } })
      .withMetadata({ orientation: 6 })
      .withIccProfile('srgb')
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>')
      .jpeg()
      .toBuffer();
    const before = await sharp(tagged).metadata();
    expect([before.exif, before.icc, before.xmp].every(Boolean)).toBe(true);
    const stripped = Buffer.from(stripJpegMetadata(tagged));
    const after = await sharp(stripped).metadata();
    expect([after.exif, after.icc, after.xmp, after.orientation]).toEqual([undefined, undefined, undefined, undefined]);
    expect(await sharp(stripped).raw().toBuffer()).toEqual(await sharp(tagged).raw().toBuffer());
  });
});
