/**
 * Non-blocking advice on a PR-card photo, computed in the browser before upload from canvas
 * `ImageData`. Pure: no DOM, no I/O. The server never refuses a photo on these grounds: an
 * officer judges the photo; this only helps the applicant take a better one.
 *
 * The image is first reduced to a small grey image (integer box average, long side ≤ 360 px,
 * Rec. 709 luma on sRGB values, transparency composited on white), then measured:
 * - background: the top band and the upper 60 % of the side bands (8 % of the short side
 *   thick), where a passport-style photo shows only the wall;
 * - exposure: the face area (middle 40 % of the width, 20–65 % of the height) and the whole
 *   image's luma histogram;
 * - sharpness: variance of the 4-neighbour Laplacian over the central area, relative to the
 *   variance of the luma there.
 * Thresholds were tuned on synthetic portraits (`quality.spec.ts`); revisit them with real photos.
 */
export const photoAdviceCodes = ['background_too_dark', 'background_not_uniform', 'underexposed', 'overexposed', 'blurry'] as const;
export type PhotoAdviceCode = (typeof photoAdviceCodes)[number];

export interface RgbaImage {
  /** RGBA bytes, row by row, as in canvas `ImageData`. */
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export const qualityThresholds = {
  /** A white or light wall has a luma of 190–255; mid-grey is 128. */
  backgroundMinLuma: 170,
  /** Standard deviation of the background's luma: patterns, objects or hard shadows exceed it. */
  backgroundMaxDeviation: 20,
  /** Face area median below this, or 95th percentile of the whole image below the next one. */
  underexposedFaceMedian: 70,
  underexposedBrightest: 120,
  /** Face area median above this, or more than this share of it clipped (luma ≥ 250). */
  overexposedFaceMedian: 225,
  overexposedClippedShare: 0.25,
  /**
   * Normalised Laplacian variance. Synthetic 900×1260 portraits: sharp 0.12, Gaussian blur
   * σ 2 px 0.05 (no advice), σ 3 px 0.024 (advice); 2000×2800: σ 6 px 0.023.
   */
  blurryBelow: 0.03,
} as const;

const WORK_SIZE = 360;

interface Grey {
  values: Float32Array;
  width: number;
  height: number;
}

function toGrey({ data, width, height }: RgbaImage): Grey {
  if (width < 32 || height < 32) throw new RangeError('The image is too small to assess (under 32 px)');
  const factor = Math.max(1, Math.ceil(Math.max(width, height) / WORK_SIZE));
  const w = Math.floor(width / factor);
  const h = Math.floor(height / factor);
  const values = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        let at = ((y * factor + dy) * width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx++, at += 4) {
          const alpha = data[at + 3]! / 255;
          const luma = 0.2126 * data[at]! + 0.7152 * data[at + 1]! + 0.0722 * data[at + 2]!;
          sum += luma * alpha + 255 * (1 - alpha);
        }
      }
      values[y * w + x] = sum / (factor * factor);
    }
  }
  return { values, width: w, height: h };
}

/** Luma values of the rectangle [x0, x1) × [y0, y1), given as fractions of the size. */
function area(grey: Grey, x0: number, y0: number, x1: number, y1: number): number[] {
  const out: number[] = [];
  for (let y = Math.floor(y0 * grey.height); y < Math.ceil(y1 * grey.height); y++) {
    for (let x = Math.floor(x0 * grey.width); x < Math.ceil(x1 * grey.width); x++) out.push(grey.values[y * grey.width + x]!);
  }
  return out;
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function deviation(values: number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length);
}

function percentile(values: number[], p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * Variance of the Laplacian divided by the variance of the luma, over the same area: the
 * share of the image's contrast that sits in fine detail. Dividing keeps a dark or
 * low-contrast photo from looking blurry; the floor of 25 (a luma spread of 5) keeps a
 * nearly blank image from dividing by almost nothing.
 */
function sharpnessOf(grey: Grey, x0: number, y0: number, x1: number, y1: number): number {
  const { values: v, width: w } = grey;
  const responses: number[] = [];
  for (let y = Math.max(1, Math.floor(y0 * grey.height)); y < Math.min(grey.height - 1, Math.ceil(y1 * grey.height)); y++) {
    for (let x = Math.max(1, Math.floor(x0 * w)); x < Math.min(w - 1, Math.ceil(x1 * w)); x++) {
      const at = y * w + x;
      responses.push(v[at - 1]! + v[at + 1]! + v[at - w]! + v[at + w]! - 4 * v[at]!);
    }
  }
  return deviation(responses) ** 2 / Math.max(25, deviation(area(grey, x0, y0, x1, y1)) ** 2);
}

export interface PhotoQualityMeasures {
  backgroundLuma: number;
  backgroundDeviation: number;
  faceMedian: number;
  faceClippedShare: number;
  brightest: number;
  /** Laplacian variance ÷ luma variance (see `sharpnessOf`); sharp portraits measure 0.10–0.14. */
  sharpness: number;
}

/** The raw measures behind the advice, in luma units (0–255); useful to tune thresholds. */
export function measurePhotoQuality(image: RgbaImage): PhotoQualityMeasures {
  if (image.data.length !== image.width * image.height * 4) throw new RangeError('RGBA data does not match width × height');
  const grey = toGrey(image);
  const t = Math.max(2, Math.round(0.08 * Math.min(grey.width, grey.height)));
  const bandX = t / grey.width;
  const bandY = t / grey.height;
  const background = [...area(grey, 0, 0, 1, bandY), ...area(grey, 0, bandY, bandX, 0.6), ...area(grey, 1 - bandX, bandY, 1, 0.6)];
  const face = area(grey, 0.3, 0.2, 0.7, 0.65);
  return {
    backgroundLuma: mean(background),
    backgroundDeviation: deviation(background),
    faceMedian: percentile(face, 0.5),
    faceClippedShare: face.filter((v) => v >= 250).length / face.length,
    brightest: percentile(Array.from(grey.values), 0.95),
    sharpness: sharpnessOf(grey, 0.2, 0.1, 0.8, 0.9),
  };
}

/**
 * Advice codes for a photo (`photo.advice.<code>` in the i18n catalog); empty when it looks fine.
 * Throws a RangeError when `data` does not hold width × height RGBA pixels or the image is under 32 px.
 */
export function assessPhotoQuality(image: RgbaImage): PhotoAdviceCode[] {
  const m = measurePhotoQuality(image);
  const th = qualityThresholds;
  const advice: PhotoAdviceCode[] = [];
  if (m.backgroundLuma < th.backgroundMinLuma) advice.push('background_too_dark');
  if (m.backgroundDeviation > th.backgroundMaxDeviation) advice.push('background_not_uniform');
  if (m.faceMedian < th.underexposedFaceMedian || m.brightest < th.underexposedBrightest) advice.push('underexposed');
  if (m.faceMedian > th.overexposedFaceMedian || m.faceClippedShare > th.overexposedClippedShare) advice.push('overexposed');
  if (m.sharpness < th.blurryBelow) advice.push('blurry');
  return advice;
}
