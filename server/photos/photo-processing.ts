import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { inspectPhotoHeader, untrustedInput, type PhotoFormat } from './photo-inspection';
import { PHOTO_JPEG_QUALITY, rejectPhoto, type PhotoRejection } from './photo-rules';

export interface PreparedPhoto {
  ok: true;
  /** Format of the uploaded file, judged by its content. */
  sourceFormat: PhotoFormat;
  /** The re-encoded photo: a baseline sRGB JPEG with no metadata at all. */
  jpeg: Buffer;
  contentType: 'image/jpeg';
  width: number;
  height: number;
  /** Hex SHA-256 of `jpeg`, e.g. for a content-addressed storage key or an ETag. */
  sha256: string;
}

/**
 * Checks an uploaded photo and re-encodes it for storage: EXIF orientation applied, any
 * transparency flattened onto white, colours converted to sRGB through the embedded ICC profile,
 * then written as a fresh JPEG. Nothing of the original container survives: sharp writes no
 * EXIF (GPS included), ICC, XMP, IPTC or comments unless asked to, and we never ask.
 * Returns the same refusals as `inspectPhoto`; pixel data that fails to decode is `corrupt`.
 * Never throws on hostile input.
 */
export async function preparePhoto(bytes: Buffer): Promise<PreparedPhoto | PhotoRejection> {
  const inspection = await inspectPhotoHeader(bytes);
  if (!inspection.ok) return inspection;
  try {
    const { data, info } = await sharp(bytes, { ...untrustedInput, autoOrient: true })
      .timeout({ seconds: 15 })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: PHOTO_JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      sourceFormat: inspection.format,
      jpeg: data,
      contentType: 'image/jpeg',
      width: info.width,
      height: info.height,
      sha256: createHash('sha256').update(data).digest('hex'),
    };
  } catch {
    return rejectPhoto('corrupt');
  }
}
