import { assessPhotoQuality, type PhotoAdviceCode } from '$lib/photo/quality';

export interface PhotoPreview {
  /** An object URL for the chosen file; revoke it with `URL.revokeObjectURL` when done. */
  url: string;
  width: number;
  height: number;
  /** Non-blocking tips (`photo.advice.<code>`); empty when the photo looks fine. */
  advice: PhotoAdviceCode[];
}

/**
 * Decodes the chosen file in the browser (upright, as EXIF says) to show it back and to give
 * quality tips before it is sent. Null when the browser cannot decode it (e.g. HEIC): the
 * server still gets the last word on every file.
 */
export async function previewPhoto(file: File): Promise<PhotoPreview | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  const { width, height } = bitmap;
  let advice: PhotoAdviceCode[] = [];
  try {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context) {
      context.drawImage(bitmap, 0, 0);
      advice = assessPhotoQuality(context.getImageData(0, 0, width, height));
    }
  } catch {
    advice = []; // too small to assess, or the canvas is unavailable: tips are optional
  } finally {
    bitmap.close();
  }
  return { url: URL.createObjectURL(file), width, height, advice };
}
