import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePhoto, withDeclaredSize } from '../../tests/fixtures/photos';
import { inspectPhoto } from './photo-inspection';
import { PHOTO_MAX_BYTES } from './photo-rules';

describe('inspectPhoto: format, judged by content', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'photo-inspection-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('accepts a plain 5:7 JPEG portrait', async () => {
    expect(await inspectPhoto(await makePhoto())).toEqual({ ok: true, format: 'jpeg', width: 900, height: 1260 });
  });

  it('judges a PNG saved as portrait.jpg to be a PNG', async () => {
    await writeFile(join(dir, 'portrait.jpg'), await makePhoto({ format: 'png' }));
    expect(await inspectPhoto(await readFile(join(dir, 'portrait.jpg')))).toEqual({ ok: true, format: 'png', width: 900, height: 1260 });
  });

  it('refuses a text file saved as photo.jpg as not_an_image', async () => {
    await writeFile(join(dir, 'photo.jpg'), 'Dear officer, here is my photo.\n');
    expect(await inspectPhoto(await readFile(join(dir, 'photo.jpg')))).toEqual({ ok: false, reason: 'not_an_image' });
    expect(await inspectPhoto(Buffer.alloc(0))).toEqual({ ok: false, reason: 'not_an_image' });
    expect(await inspectPhoto(Buffer.from('%PDF-1.7\n'))).toEqual({ ok: false, reason: 'not_an_image' });
  });

  it('refuses other image formats as unsupported_format', async () => {
    const portrait = sharp(await makePhoto());
    for (const bytes of [
      await portrait.clone().gif().toBuffer(),
      await portrait.clone().webp().toBuffer(),
      await portrait.clone().avif({ effort: 0 }).toBuffer(),
      await portrait.clone().tiff().toBuffer(),
      Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="900" height="1260"/>'),
    ]) {
      expect(await inspectPhoto(bytes)).toEqual({ ok: false, reason: 'unsupported_format' });
    }
  });
});

describe('inspectPhoto: size and shape', () => {
  it.each([
    [715, 1000],
    [715, 1001],
    [1000, 1400],
    [1035, 1400],
    [965, 1400],
    [2000, 2800],
  ])('accepts %i×%i', async (width, height) => {
    expect(await inspectPhoto(await makePhoto({ width, height }))).toEqual({ ok: true, format: 'jpeg', width, height });
  });

  it.each([
    [714, 1000, 'too_small_dimensions'],
    [715, 999, 'too_small_dimensions'],
    [500, 700, 'too_small_dimensions'],
    [2001, 2801, 'too_large_dimensions'],
    [2100, 2000, 'too_large_dimensions'],
    [1400, 1000, 'wrong_aspect_ratio'],
    [1000, 1000, 'wrong_aspect_ratio'],
    [1050, 1400, 'wrong_aspect_ratio'],
    [1045, 1400, 'wrong_aspect_ratio'],
    [950, 1400, 'wrong_aspect_ratio'],
  ] as const)('refuses %i×%i as %s', async (width, height, reason) => {
    expect(await inspectPhoto(await makePhoto({ width, height }))).toMatchObject({ ok: false, reason });
  });

  it('says a landscape photo is landscape', async () => {
    expect(await inspectPhoto(await makePhoto({ width: 1260, height: 900 }))).toMatchObject({
      details: { shape: 'landscape', width: 1260, height: 900 },
    });
  });

  it('measures after EXIF orientation: a sideways-stored portrait is a portrait', async () => {
    const sideways = await makePhoto({ orientation: 6 });
    expect((await sharp(sideways).metadata()).width).toBe(1260);
    expect(await inspectPhoto(sideways)).toEqual({ ok: true, format: 'jpeg', width: 900, height: 1260 });
  });

  it('refuses a file over 4 MB before looking inside', async () => {
    const huge = Buffer.concat([await makePhoto(), Buffer.alloc(PHOTO_MAX_BYTES)]);
    expect(await inspectPhoto(huge)).toMatchObject({ ok: false, reason: 'too_large' });
  });
});

describe('inspectPhoto: hostile and damaged files', () => {
  let flood: Buffer;
  beforeAll(async () => {
    // A real decompression bomb: 10000×10000 white pixels (300 MB decoded) in a ~300 KB PNG.
    flood = await sharp({ create: { width: 10000, height: 10000, channels: 3, background: '#ffffff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
  }, 30_000);

  it('refuses a 10000×10000 image from its header, without decoding it', async () => {
    expect(flood.length).toBeLessThan(PHOTO_MAX_BYTES);
    const rssBefore = process.memoryUsage().rss;
    const verdict = await inspectPhoto(flood);
    expect(verdict).toMatchObject({ ok: false, reason: 'too_large_dimensions' });
    // Decoding it would need 300 MB; memory, not time, shows it was never decoded.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses small files whose header claims a huge image', async () => {
    const jpeg = withDeclaredSize(await makePhoto(), 10000, 14000);
    const png = withDeclaredSize(await makePhoto({ format: 'png' }), 60000, 84000);
    expect(await inspectPhoto(jpeg)).toMatchObject({ ok: false, reason: 'too_large_dimensions' });
    expect(await inspectPhoto(png)).toMatchObject({ ok: false, reason: 'too_large_dimensions' });
  });

  it('refuses truncated JPEG and PNG files as corrupt', async () => {
    expect(await inspectPhoto(await makePhoto({ truncate: 0.6 }))).toEqual({ ok: false, reason: 'corrupt' });
    expect(await inspectPhoto(await makePhoto({ truncate: 0.999 }))).toEqual({ ok: false, reason: 'corrupt' });
    expect(await inspectPhoto(await makePhoto({ format: 'png', truncate: 0.7 }))).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('never throws on garbage behind a valid signature', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const cases = [
      Buffer.from([0xff, 0xd8, 0xff]),
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), garbage]),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), garbage]),
      withDeclaredSize(await makePhoto({ format: 'png' }), 0, 0),
    ];
    for (const bytes of cases) expect(await inspectPhoto(bytes)).toEqual({ ok: false, reason: 'corrupt' });
  });
});
