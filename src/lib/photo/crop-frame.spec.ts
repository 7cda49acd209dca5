import { describe, expect, it } from 'vitest';
import { canFrame, frameHeight, initialFrame, moveFrame, outputSize, zoomFrame } from './crop-frame';

const phone = { width: 3024, height: 4032 };
const inside = (frame: ReturnType<typeof initialFrame>, picture: typeof phone) =>
  frame.x >= 0 && frame.y >= 0 && frame.x + frame.width <= picture.width + 1e-6 && frame.y + frameHeight(frame) <= picture.height + 1e-6;

describe('the 5:7 crop frame', () => {
  it('starts centred across, on the upper middle, inside the picture', () => {
    const frame = initialFrame(phone);
    expect(frame.x + frame.width / 2).toBeCloseTo(phone.width / 2);
    expect(frame.y).toBe(0);
    expect(inside(frame, phone)).toBe(true);
    const square = { width: 7000, height: 7000 };
    const start = initialFrame(square);
    expect(start.y + frameHeight(start) / 2).toBeLessThan(square.height / 2);
  });

  it('moves and zooms without leaving the picture or going under 715 px', () => {
    let frame = initialFrame(phone);
    frame = moveFrame(frame, -99_999, 99_999, phone);
    expect(frame.x).toBe(0);
    expect(inside(frame, phone)).toBe(true);
    for (let i = 0; i < 50; i++) frame = zoomFrame(frame, 1.1, phone);
    expect(frame.width).toBe(715);
    for (let i = 0; i < 50; i++) frame = zoomFrame(frame, 1 / 1.1, phone);
    expect(frame.width).toBeCloseTo(Math.min(phone.width, (phone.height * 5) / 7));
    expect(inside(frame, phone)).toBe(true);
  });

  it('makes photos from 715 × 1001 to 2000 × 2800', () => {
    expect(outputSize({ x: 0, y: 0, width: 715 })).toEqual({ width: 715, height: 1001 });
    expect(outputSize({ x: 0, y: 0, width: 2880 })).toEqual({ width: 2000, height: 2800 });
    expect(canFrame({ width: 600, height: 840 })).toBe(false);
    expect(canFrame({ width: 715, height: 1001 })).toBe(true);
  });
});
