import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { sniffImage } from './image-signature';
import {
  PHOTO_ASPECT,
  PHOTO_ASPECT_TOLERANCE,
  PHOTO_MAX_BYTES,
  PHOTO_MAX_HEIGHT,
  PHOTO_MAX_PIXELS,
  PHOTO_MAX_WIDTH,
  PHOTO_MIN_HEIGHT,
  PHOTO_MIN_WIDTH,
  photoLimits,
  rejectPhoto,
  type PhotoRejection,
} from './photo-rules';

export type PhotoFormat = 'jpeg' | 'png';

export interface AcceptedPhoto {
  ok: true;
  format: PhotoFormat;
  /** Width and height once EXIF orientation is applied, as the photo will be shown. */
  width: number;
  height: number;
}

export type PhotoInspection = AcceptedPhoto | PhotoRejection;

/**
 * How sharp must open untrusted photos: never more pixels than the largest accepted photo
 * (pixel floods are refused from the header), and abort on truncated or corrupt pixel data.
 * `failOn: 'error'` tolerates libjpeg *warnings* (e.g. stray bytes some cameras write), which a
 * fresh re-encode makes harmless anyway.
 */
export const untrustedInput: SharpOptions = { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error', sequentialRead: true };

/**
 * Checks everything the file header can tell: size, real format (magic bytes), dimensions after
 * EXIF orientation and the 5:7 portrait shape. Decodes no pixels, so it is cheap on any input.
 * "Too large" is checked before the shape (a 10000×10000 flood is too large, not square) and the
 * shape before "too small" (a landscape 1260×900 photo needs turning, not enlarging).
 */
export async function inspectPhotoHeader(bytes: Buffer): Promise<PhotoInspection> {
  if (bytes.length > PHOTO_MAX_BYTES) return rejectPhoto('too_large', { size: bytes.length, ...photoLimits });
  const signature = sniffImage(bytes);
  if (signature === 'unknown') return rejectPhoto('not_an_image');
  if (signature === 'other_image') return rejectPhoto('unsupported_format');

  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, untrustedInput).metadata();
  } catch (error) {
    // sharp refuses a header announcing more pixels than `limitInputPixels` before decoding anything.
    if (error instanceof Error && /pixel limit/i.test(error.message)) return rejectPhoto('too_large_dimensions', { ...photoLimits });
    return rejectPhoto('corrupt');
  }
  if (metadata.format !== signature) return rejectPhoto('corrupt');

  const { width, height } = metadata.autoOrient;
  const measured = { width, height, ...photoLimits };
  if (width > PHOTO_MAX_WIDTH || height > PHOTO_MAX_HEIGHT) return rejectPhoto('too_large_dimensions', measured);
  if (Math.abs(width / height / PHOTO_ASPECT - 1) > PHOTO_ASPECT_TOLERANCE) {
    return rejectPhoto('wrong_aspect_ratio', {
      ...measured,
      shape: width > height ? 'landscape' : width === height ? 'square' : 'portrait',
    });
  }
  if (width < PHOTO_MIN_WIDTH || height < PHOTO_MIN_HEIGHT) return rejectPhoto('too_small_dimensions', measured);
  return { ok: true, format: signature, width, height };
}

/**
 * Judges an uploaded photo by its content (never its name or declared type) and returns the
 * first reason it is refused, or its format and oriented size. After the header checks it
 * decodes the pixels once, at most {@link PHOTO_MAX_PIXELS}, to catch truncated or corrupt files.
 * Never throws on hostile input.
 */
export async function inspectPhoto(bytes: Buffer): Promise<PhotoInspection> {
  const header = await inspectPhotoHeader(bytes);
  if (!header.ok) return header;
  try {
    // Shrinking to a thumbnail still reads every byte of image data, but holds little in memory.
    await sharp(bytes, untrustedInput).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch {
    return rejectPhoto('corrupt');
  }
  return header;
}
