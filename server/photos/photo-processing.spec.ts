import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exifHasGps, gpsExif, makePhoto } from '../../tests/fixtures/photos';
import { preparePhoto, type PreparedPhoto } from './photo-processing';
import type { PhotoRejection } from './photo-rules';

function prepared(result: PreparedPhoto | PhotoRejection): PreparedPhoto {
  if (!result.ok) throw new Error(`expected the photo to be accepted, got ${result.reason}`);
  return result;
}

/** Mean luma of a horizontal band of the image, from `top` to `bottom` (fractions of the height). */
async function bandLuma(jpeg: Buffer, top: number, bottom: number): Promise<number> {
  const { data, info } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
  const rows = data.subarray(Math.floor(top * info.height) * info.width, Math.floor(bottom * info.height) * info.width);
  return rows.reduce((sum, v) => sum + v, 0) / rows.length;
}

describe('preparePhoto', () => {
  it('strips every metadata block: EXIF with GPS, XMP, IPTC, comments, ICC', async () => {
    const secretXmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jane Xmp</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>';
    const original = await makePhoto({ exif: gpsExif, xmp: secretXmp, comment: 'Jane Comment', iptcCaption: 'Jane Caption' });
    const before = await sharp(original).metadata();
    expect(exifHasGps(before.exif)).toBe(true);
    expect(before.xmp).toBeDefined();
    expect(before.iptc).toBeDefined();

    const result = prepared(await preparePhoto(original));
    const after = await sharp(result.jpeg).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(exifHasGps(after.exif)).toBe(false);
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.comments).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    for (const trace of ['Jane', 'Acme', 'Phone 9', 'Exif', 'Photoshop', 'xmpmeta']) expect(result.jpeg.includes(trace)).toBe(false);
  });

  it('applies EXIF orientation before re-encoding, so the photo is upright without the tag', async () => {
    const sideways = await makePhoto({ orientation: 6 });
    const result = prepared(await preparePhoto(sideways));
    expect([result.width, result.height]).toEqual([900, 1260]);
    const meta = await sharp(result.jpeg).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([900, 1260, undefined]);
    // Upright: light wall at the top, dark shoulders at the bottom.
    expect(await bandLuma(result.jpeg, 0, 0.05)).toBeGreaterThan(200);
    expect(await bandLuma(result.jpeg, 0.95, 1)).toBeLessThan(120);
  });

  it('converts colours to sRGB through the embedded ICC profile, then drops the profile', async () => {
    const p3 = await sharp(await makePhoto())
      .withIccProfile('p3')
      .jpeg()
      .toBuffer();
    expect((await sharp(p3).metadata()).icc).toBeDefined();
    const after = await sharp(prepared(await preparePhoto(p3)).jpeg).metadata();
    expect([after.icc, after.space, after.channels]).toEqual([undefined, 'srgb', 3]);
  });

  it('re-encodes a transparent PNG as a JPEG on white', async () => {
    const result = prepared(await preparePhoto(await makePhoto({ format: 'png', transparent: true })));
    expect(result.sourceFormat).toBe('png');
    expect(result.contentType).toBe('image/jpeg');
    expect((await sharp(result.jpeg).metadata()).format).toBe('jpeg');
    expect(await bandLuma(result.jpeg, 0, 0.05)).toBeGreaterThan(250);
  });

  it('accepts the committed fixture the browser tests upload', async () => {
    const fixture = await readFile(new URL('../../tests/fixtures/photo-valid.jpg', import.meta.url));
    expect(fixture.length).toBeLessThan(150 * 1024);
    expect(prepared(await preparePhoto(fixture))).toMatchObject({ sourceFormat: 'jpeg', width: 900, height: 1260 });
  });

  it('fingerprints the re-encoded bytes with SHA-256', async () => {
    const result = prepared(await preparePhoto(await makePhoto()));
    expect(result.sha256).toBe(createHash('sha256').update(result.jpeg).digest('hex'));
  });

  it('refuses what inspection refuses, and damaged pixel data as corrupt', async () => {
    expect(await preparePhoto(Buffer.from('not a photo'))).toEqual({ ok: false, reason: 'not_an_image' });
    expect(await preparePhoto(await makePhoto({ width: 1260, height: 900 }))).toMatchObject({ ok: false, reason: 'wrong_aspect_ratio' });
    expect(await preparePhoto(await makePhoto({ truncate: 0.6 }))).toEqual({ ok: false, reason: 'corrupt' });
    expect(await preparePhoto(await makePhoto({ format: 'png', truncate: 0.8 }))).toEqual({ ok: false, reason: 'corrupt' });
  });

  // Speed is measured by `npm run bench`, not asserted here.
  it('prepares a busy 2000×2800 photo of about 2 MB at full size', async () => {
    const original = await makePhoto({ width: 2000, height: 2800, noise: 30, quality: 95 });
    expect(original.length).toBeGreaterThan(1.5 * 1024 * 1024);
    expect(original.length).toBeLessThan(4 * 1024 * 1024);
    const result = prepared(await preparePhoto(original));
    expect([result.width, result.height]).toEqual([2000, 2800]);
    expect(result.jpeg.length).toBeLessThan(original.length);
  }, 30_000);
});
