/**
 * The 5:7 frame the applicant moves and zooms over their picture, in the picture's own pixels
 * (upright, full size). Pure geometry, shared by the crop tool and its tests.
 */
export interface CropFrame {
  x: number;
  y: number;
  /** Width; the height is always `width × 7 ÷ 5`. */
  width: number;
}

export interface PictureSize {
  width: number;
  height: number;
}

/** The PR-card photo as the server accepts it (server/photos/photo-rules.ts stays the authority). */
export const CARD_RATIO = 7 / 5;
export const OUTPUT_MIN_WIDTH = 715;
export const OUTPUT_MAX_WIDTH = 2000;
/** Under 4 MB (4 × 1024 × 1024 bytes), with room for nothing else: the body is the JPEG alone. */
export const OUTPUT_MAX_BYTES = 4 * 1024 * 1024;

/** What the photo fixer opens: up to 30 MB and 60 megapixels (README, "Photos"). */
export const FIXER_MAX_BYTES = 30 * 1024 * 1024;
export const FIXER_MAX_PIXELS = 60_000_000;

/** The frame is never drawn over fewer picture pixels than the smallest accepted photo has. */
const minWidth = () => OUTPUT_MIN_WIDTH;
const maxWidth = (picture: PictureSize) => Math.min(picture.width, picture.height / CARD_RATIO);

export const frameHeight = (frame: CropFrame) => frame.width * CARD_RATIO;

/** False when even the largest 5:7 frame is smaller than a PR-card photo may be. */
export const canFrame = (picture: PictureSize) => maxWidth(picture) >= minWidth();

function clamp(frame: CropFrame, picture: PictureSize): CropFrame {
  const width = Math.min(maxWidth(picture), Math.max(minWidth(), frame.width));
  const height = width * CARD_RATIO;
  return {
    width,
    x: Math.min(picture.width - width, Math.max(0, frame.x)),
    y: Math.min(picture.height - height, Math.max(0, frame.y)),
  };
}

/** Centred across, on the upper middle (where a face usually is), 85 % of the largest frame. */
export function initialFrame(picture: PictureSize): CropFrame {
  const width = Math.max(minWidth(), maxWidth(picture) * 0.85);
  const height = width * CARD_RATIO;
  return clamp({ width, x: (picture.width - width) / 2, y: picture.height * 0.42 - height / 2 }, picture);
}

/** Moves by (dx, dy) picture pixels, staying inside the picture. */
export const moveFrame = (frame: CropFrame, dx: number, dy: number, picture: PictureSize): CropFrame =>
  clamp({ ...frame, x: frame.x + dx, y: frame.y + dy }, picture);

/** Zooms by `factor` (> 1 shows more detail: a smaller frame) around the frame's centre. */
export function zoomFrame(frame: CropFrame, factor: number, picture: PictureSize): CropFrame {
  const width = Math.min(maxWidth(picture), Math.max(minWidth(), frame.width / factor));
  const cx = frame.x + frame.width / 2;
  const cy = frame.y + frameHeight(frame) / 2;
  return clamp({ width, x: cx - width / 2, y: cy - (width * CARD_RATIO) / 2 }, picture);
}

/** The size of the photo made from `frame`: its own pixels, at most 2000 × 2800. */
export function outputSize(frame: CropFrame): PictureSize {
  const width = Math.max(OUTPUT_MIN_WIDTH, Math.min(OUTPUT_MAX_WIDTH, Math.round(frame.width)));
  return { width, height: Math.round(width * CARD_RATIO) };
}

/** How much of the largest frame this one covers, 0–100 (for "zoom 140 %"-style announcements). */
export const zoomPercent = (frame: CropFrame, picture: PictureSize) => Math.round((maxWidth(picture) / frame.width) * 100);
