import { assessPhotoQuality, type PhotoAdviceCode } from './quality';
import {
  FIXER_MAX_BYTES,
  FIXER_MAX_PIXELS,
  OUTPUT_MAX_BYTES,
  OUTPUT_MIN_WIDTH,
  canFrame,
  frameHeight,
  outputSize,
  type CropFrame,
  type PictureSize,
} from './crop-frame';
import { readImageHeader, type ImageHeader } from './image-header';
import { stripJpegMetadata } from './jpeg-metadata';

/**
 * The browser half of the photo fixer: opens a JPEG or PNG (EXIF orientation applied, decoded
 * at a reduced size), and makes the 5:7 JPEG the server accepts from the applicant's frame.
 */

/** Why the page refuses a file before sending anything: `photo.rejected.<reason>` (fixer_* are page-only). */
export const fixerRefusals = [
  'not_an_image',
  'corrupt',
  'too_small_dimensions',
  'too_large',
  'fixer_too_large',
  'fixer_too_many_pixels',
] as const;
export type FixerRefusal = (typeof fixerRefusals)[number];

export interface OpenedPhoto {
  bitmap: ImageBitmap;
  /** The picture's full size, upright: frames are in these pixels. */
  picture: PictureSize;
  /** Bitmap pixels per picture pixel (≤ 1). */
  scale: number;
}

export interface FixedPhoto {
  blob: Blob;
  width: number;
  height: number;
  advice: PhotoAdviceCode[];
}

/** The decoded copy is at most 16 megapixels and 4096 px long: enough for a 2000 × 2800 crop. */
const WORK_PIXELS = 16_000_000;
const WORK_SIDE = 4096;
const HEADER_BYTES = 1024 * 1024;
const QUALITIES = [0.92, 0.85, 0.78, 0.7];

async function headerOf(file: File): Promise<ImageHeader | 'not_an_image' | 'corrupt'> {
  const start = readImageHeader(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()));
  // A camera may put big previews before the frame header: then read the whole file once.
  if (start === 'corrupt' && file.size > HEADER_BYTES) return readImageHeader(new Uint8Array(await file.arrayBuffer()));
  return start;
}

/** Opens `file` in the fixer, or says why the page refuses it. Never sends anything. */
export async function openPhoto(file: File): Promise<OpenedPhoto | { refused: FixerRefusal }> {
  if (file.size > FIXER_MAX_BYTES) return { refused: 'fixer_too_large' };
  const header = await headerOf(file);
  if (header === 'not_an_image' || header === 'corrupt') return { refused: header };
  if (header.width * header.height > FIXER_MAX_PIXELS) return { refused: 'fixer_too_many_pixels' };
  if (!canFrame(header)) return { refused: 'too_small_dimensions' };
  const factor = Math.min(1, Math.sqrt(WORK_PIXELS / (header.width * header.height)), WORK_SIDE / Math.max(header.width, header.height));
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, {
      imageOrientation: 'from-image',
      resizeWidth: Math.round(header.width * factor),
      resizeHeight: Math.round(header.height * factor),
      resizeQuality: 'high',
    });
  } catch {
    return { refused: 'corrupt' };
  }
  return { bitmap, picture: { width: header.width, height: header.height }, scale: bitmap.width / header.width };
}

function draw(photo: OpenedPhoto, frame: CropFrame, width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff'; // a transparent PNG becomes a white background, as the server would make it
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  const { scale } = photo;
  context.drawImage(photo.bitmap, frame.x * scale, frame.y * scale, frame.width * scale, frameHeight(frame) * scale, 0, 0, width, height);
  return canvas;
}

async function jpegOf(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  const encoded = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/jpeg', quality),
  );
  return new Blob([stripJpegMetadata(new Uint8Array(await encoded.arrayBuffer()))], { type: 'image/jpeg' });
}

function adviceOn(canvas: HTMLCanvasElement): PhotoAdviceCode[] {
  const small = document.createElement('canvas');
  small.width = 360;
  small.height = 504;
  const context = small.getContext('2d', { willReadFrequently: true });
  if (!context) return [];
  context.drawImage(canvas, 0, 0, small.width, small.height);
  return assessPhotoQuality(context.getImageData(0, 0, small.width, small.height));
}

/**
 * The photo made from `frame`: a JPEG without any metadata, of 5:7, from
 * 715 × 1001 to 2000 × 2800 px, under 4 MB: lower quality first, then a smaller size.
 */
export async function fixPhoto(photo: OpenedPhoto, frame: CropFrame): Promise<FixedPhoto> {
  let { width, height } = outputSize(frame);
  for (;;) {
    const canvas = draw(photo, frame, width, height);
    for (const quality of QUALITIES) {
      const blob = await jpegOf(canvas, quality);
      if (blob.size < OUTPUT_MAX_BYTES) return { blob, width, height, advice: adviceOn(canvas) };
    }
    if (width === OUTPUT_MIN_WIDTH) throw new Error('the photo does not fit in 4 MB even at the smallest size');
    width = Math.max(OUTPUT_MIN_WIDTH, Math.round(width * 0.8));
    height = Math.round(width * 1.4);
  }
}
