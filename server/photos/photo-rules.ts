import { DomainError } from '../http/domain-error';

/** Largest accepted upload: 4 MiB (4 × 1024 × 1024 bytes), checked while the body streams in. */
export const PHOTO_MAX_BYTES = 4 * 1024 * 1024;

/** PR-card photo size, in pixels, after EXIF orientation is applied (DESIGN.md §3 step 7). */
export const PHOTO_MIN_WIDTH = 715;
export const PHOTO_MIN_HEIGHT = 1000;
export const PHOTO_MAX_WIDTH = 2000;
export const PHOTO_MAX_HEIGHT = 2800;

/** Never decode more pixels than the largest accepted photo has (pixel-flood guard). */
export const PHOTO_MAX_PIXELS = PHOTO_MAX_WIDTH * PHOTO_MAX_HEIGHT;

/** Target width ÷ height of a PR-card photo: 5:7 portrait. */
export const PHOTO_ASPECT = 5 / 7;

/**
 * Relative tolerance on the 5:7 ratio: ±4 % accepts 0.686–0.743 (960 to 1040 px wide at 1400 px high),
 * which absorbs a hand-made crop, but refuses 3:4 phone photos (0.75) and squares.
 */
export const PHOTO_ASPECT_TOLERANCE = 0.04;

/** Quality of the re-encoded JPEG: visually lossless for a face, about 0.3–1 MB at 5 MP. */
export const PHOTO_JPEG_QUALITY = 90;

export const photoRejectionCodes = [
  'not_an_image',
  'unsupported_format',
  'too_large',
  'too_small_dimensions',
  'too_large_dimensions',
  'wrong_aspect_ratio',
  'corrupt',
] as const;

/** Why a photo was refused. Stable: clients translate `photo.rejected.<code>`. */
export type PhotoRejectionCode = (typeof photoRejectionCodes)[number];

/** Values that fill the placeholders of the translated reason (sizes, limits). */
export type PhotoRejectionDetails = Record<string, string | number>;

export interface PhotoRejection {
  ok: false;
  reason: PhotoRejectionCode;
  details?: PhotoRejectionDetails;
}

export function rejectPhoto(reason: PhotoRejectionCode, details?: PhotoRejectionDetails): PhotoRejection {
  return details ? { ok: false, reason, details } : { ok: false, reason };
}

/** The limits every reason's message may mention, as i18n parameters. */
export const photoLimits = {
  maxMegabytes: PHOTO_MAX_BYTES / (1024 * 1024),
  minWidth: PHOTO_MIN_WIDTH,
  minHeight: PHOTO_MIN_HEIGHT,
  maxWidth: PHOTO_MAX_WIDTH,
  maxHeight: PHOTO_MAX_HEIGHT,
} as const;

/**
 * Turns a refusal into the HTTP/socket error: 413 for size, 415 for format, 422 otherwise.
 * `fields.photo` carries the photo reason code so the client can show `photo.rejected.<code>`.
 */
export function photoRejectionError(rejection: PhotoRejection): DomainError {
  const code =
    rejection.reason === 'too_large'
      ? 'payload_too_large'
      : rejection.reason === 'not_an_image' || rejection.reason === 'unsupported_format'
        ? 'unsupported_media_type'
        : 'validation_failed';
  return new DomainError(code, `Photo refused: ${rejection.reason}`, { photo: rejection.reason });
}
