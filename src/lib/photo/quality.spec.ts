import { describe, expect, it } from 'vitest';
import { assessPhotoQuality, measurePhotoQuality, type RgbaImage } from './quality';

type Rgb = readonly [number, number, number];

interface PortraitOptions {
  background?: Rgb | ((x: number, y: number) => Rgb);
  face?: Rgb;
  /** Alpha of background pixels (a cut-out PNG has 0). */
  backgroundAlpha?: number;
}

/** A 500×700 passport-style portrait drawn pixel by pixel: wall, shoulders, face, hair, eyes, mouth. */
function portrait({ background = [236, 236, 234], face = [201, 154, 120], backgroundAlpha = 255 }: PortraitOptions = {}): RgbaImage {
  const width = 500;
  const height = 700;
  const data = new Uint8ClampedArray(width * height * 4);
  const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let colour: Rgb = typeof background === 'function' ? background(x, y) : background;
      let alpha = backgroundAlpha;
      const paint = (c: Rgb) => ((colour = c), (alpha = 255));
      if (y > 500 && Math.abs(x - 250) < 90 + (y - 500) * 1.1) paint([47, 62, 78]);
      if (inEllipse(x, y, 250, 290, 120, 160)) paint(face);
      if (inEllipse(x, y, 250, 200, 128, 90) && y < 215) paint([59, 42, 32]);
      if (inEllipse(x, y, 205, 285, 16, 9) || inEllipse(x, y, 295, 285, 16, 9)) paint([43, 29, 22]);
      if (Math.abs(y - 375 - ((x - 250) / 35) ** 2) < 4 && Math.abs(x - 250) < 35) paint([122, 74, 58]);
      data.set([...colour, alpha], (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

function mapPixels(image: RgbaImage, f: (v: number) => number): RgbaImage {
  const data = image.data.map((v, i) => (i % 4 === 3 ? v : f(v)));
  return { ...image, data };
}

/** Three passes of a (2r+1) box blur, horizontally then vertically: close to a Gaussian of σ = √(r(r+1)). */
function blur(image: RgbaImage, radius: number): RgbaImage {
  const { width, height } = image;
  let data = Uint8ClampedArray.from(image.data);
  const pass = (horizontal: boolean) => {
    const out = new Uint8ClampedArray(data.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        for (let c = 0; c < 4; c++) {
          let sum = 0;
          for (let d = -radius; d <= radius; d++) {
            const xx = horizontal ? Math.min(width - 1, Math.max(0, x + d)) : x;
            const yy = horizontal ? y : Math.min(height - 1, Math.max(0, y + d));
            sum += data[(yy * width + xx) * 4 + c]!;
          }
          out[(y * width + x) * 4 + c] = sum / (2 * radius + 1);
        }
      }
    }
    data = out;
  };
  for (let i = 0; i < 3; i++) {
    pass(true);
    pass(false);
  }
  return { data, width, height };
}

describe('assessPhotoQuality', () => {
  it('has no advice for a sharp, well-lit portrait on a plain light wall', () => {
    expect(assessPhotoQuality(portrait())).toEqual([]);
  });

  it('advises on a dark photo, without calling it blurry', () => {
    const advice = assessPhotoQuality(mapPixels(portrait(), (v) => v * 0.3));
    expect(advice).toContain('underexposed');
    expect(advice).not.toContain('blurry');
    expect(advice).not.toContain('overexposed');
  });

  it('advises on a washed-out photo', () => {
    expect(assessPhotoQuality(mapPixels(portrait(), (v) => v * 1.6 + 60))).toContain('overexposed');
  });

  it('advises on a mid-grey background only', () => {
    expect(assessPhotoQuality(portrait({ background: [128, 128, 128] }))).toEqual(['background_too_dark']);
  });

  it('advises on a patterned background even when it is light', () => {
    const stripes = (x: number): Rgb => (Math.floor(x / 12) % 2 ? [250, 250, 250] : [175, 175, 175]);
    expect(assessPhotoQuality(portrait({ background: stripes }))).toEqual(['background_not_uniform']);
  });

  it('tells a blurred photo from a sharp one', () => {
    const sharp = portrait();
    const blurred = blur(sharp, 2);
    expect(measurePhotoQuality(sharp).sharpness).toBeGreaterThan(measurePhotoQuality(blurred).sharpness * 4);
    expect(assessPhotoQuality(sharp)).not.toContain('blurry');
    expect(assessPhotoQuality(blurred)).toEqual(['blurry']);
  });

  it('treats transparent pixels as white, as they will be once re-encoded', () => {
    expect(assessPhotoQuality(portrait({ background: [0, 0, 0], backgroundAlpha: 0 }))).toEqual([]);
  });

  it('refuses data that does not match the size', () => {
    expect(() => assessPhotoQuality({ data: new Uint8ClampedArray(10), width: 100, height: 100 })).toThrow(RangeError);
    expect(() => assessPhotoQuality({ data: new Uint8ClampedArray(16 * 16 * 4), width: 16, height: 16 })).toThrow(RangeError);
  });
});
