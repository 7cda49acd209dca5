import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from './image-header';

const jpeg = (width: number, height: number, orientation?: number) => {
  let image = sharp({ create: { width, height, channels: 3, background: '#888' } });
  if (orientation) image = image.withMetadata({ orientation });
  return image.jpeg().toBuffer();
};

describe('readImageHeader', () => {
  it('reads a JPEG’s size, turned by its EXIF orientation', async () => {
    expect(readImageHeader(await jpeg(400, 300))).toEqual({ format: 'jpeg', width: 400, height: 300, orientation: 1 });
    expect(readImageHeader(await jpeg(400, 300, 6))).toEqual({ format: 'jpeg', width: 300, height: 400, orientation: 6 });
    expect(readImageHeader(await jpeg(400, 300, 3))).toEqual({ format: 'jpeg', width: 400, height: 300, orientation: 3 });
  });

  it('reads a PNG’s size from its IHDR', async () => {
    const png = await sharp({ create: { width: 70, height: 98, channels: 4, background: '#fff0' } })
      .png()
      .toBuffer();
    expect(readImageHeader(png)).toEqual({ format: 'png', width: 70, height: 98, orientation: 1 });
  });

  it('says what is not a JPEG or PNG, and what has no readable frame size', async () => {
    expect(readImageHeader(Buffer.from('GIF89a and more'))).toBe('not_an_image');
    expect(readImageHeader(new Uint8Array(0))).toBe('not_an_image');
    const real = await jpeg(400, 300);
    expect(readImageHeader(real.subarray(0, 20))).toBe('corrupt');
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff]))).toBe('corrupt'); // a length past the end
  });
});
