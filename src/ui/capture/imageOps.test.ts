import { describe, expect, it } from 'vitest';
import { clampCrop, cleanUp, dragCrop, fitWithin, FULL_CROP, hasTransparency, turnCropClockwise, turnCropCounterClockwise, turnedSize, type Pixels } from './imageOps';

function photo(width: number, height: number, paper: (x: number, y: number) => number, ink: (x: number, y: number) => boolean): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const p = paper(x, y);
      // Warm lamp light: less blue than red. Ink is a third of the paper's brightness.
      const k = ink(x, y) ? 0.3 : 1;
      data[i] = p * k;
      data[i + 1] = p * 0.95 * k;
      data[i + 2] = p * 0.8 * k;
      data[i + 3] = 255;
    }
  }
  return { data, width, height };
}

const at = (p: Pixels, x: number, y: number) => [...p.data.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 3)];

describe('crop geometry', () => {
  it('a crop turns with the picture, and four turns bring it back', () => {
    const c = { x: 0.1, y: 0.2, w: 0.3, h: 0.5 };
    const turned = turnCropClockwise(c);
    for (const [k, v] of [['x', 0.3], ['y', 0.1], ['w', 0.5], ['h', 0.3]] as const) expect(turned[k]).toBeCloseTo(v);
    let t = c;
    for (let i = 0; i < 4; i++) t = turnCropClockwise(t);
    for (const k of ['x', 'y', 'w', 'h'] as const) expect(t[k]).toBeCloseTo(c[k]);
    const back = turnCropCounterClockwise(turnCropClockwise(c));
    for (const k of ['x', 'y', 'w', 'h'] as const) expect(back[k]).toBeCloseTo(c[k]);
    expect(turnedSize(400, 300, 1)).toEqual({ width: 300, height: 400 });
    expect(turnedSize(400, 300, -2)).toEqual({ width: 400, height: 300 });
  });

  it('handles move their sides, never past the other side or out of the picture', () => {
    const nw = dragCrop(FULL_CROP, 'nw', 0.2, 0.1);
    for (const [k, v] of [['x', 0.2], ['y', 0.1], ['w', 0.8], ['h', 0.9]] as const) expect(nw[k]).toBeCloseTo(v);
    expect(dragCrop(FULL_CROP, 'e', -0.99, 0.5).w).toBeCloseTo(0.05);
    expect(dragCrop({ x: 0.5, y: 0.5, w: 0.5, h: 0.5 }, 'move', 0.4, -0.7)).toEqual({ x: 0.5, y: 0, w: 0.5, h: 0.5 });
    const clamped = clampCrop({ x: -1, y: 0.99, w: 2, h: 0 });
    for (const [k, v] of [['x', 0], ['y', 0.95], ['w', 1], ['h', 0.05]] as const) expect(clamped[k]).toBeCloseTo(v);
  });

  it('fits the long side within the limit, never enlarging', () => {
    expect(fitWithin(4032, 3024, 2560)).toEqual({ width: 2560, height: 1920 });
    expect(fitWithin(3024, 4032, 2560)).toEqual({ width: 1920, height: 2560 });
    expect(fitWithin(800, 600, 2560)).toEqual({ width: 800, height: 600 });
  });
});

describe('clean up', () => {
  it('makes unevenly lit, yellowish paper white and keeps the ink dark', () => {
    // Light falls off from 230 on the left to 120 on the right; a vertical ink line every 16 px.
    const p = photo(96, 64, (x) => 230 - (110 * x) / 95, (x) => x % 16 === 8);
    const paperLeft = at(p, 2, 30), paperRight = at(p, 93, 30);
    expect(paperRight[0]! - paperLeft[0]!).toBeLessThan(-90);
    cleanUp(p);
    for (const [x, y] of [[2, 30], [50, 10], [93, 30], [30, 60]] as const) {
      for (const v of at(p, x, y)) expect(v).toBeGreaterThan(235); // paper: white, no colour cast
    }
    for (const x of [8, 40, 88]) for (const v of at(p, x, 30)) expect(v).toBeLessThan(40); // ink: dark
  });

  it('keeps a big filled shape dark (it is ink, not a shadow)', () => {
    // A dark square filling the middle third in each direction.
    const p = photo(96, 96, () => 210, (x, y) => x >= 32 && x < 64 && y >= 32 && y < 64);
    cleanUp(p);
    for (const v of at(p, 48, 48)) expect(v).toBeLessThan(100); // dark grey at least (without the floor: white)
    for (const v of at(p, 10, 10)) expect(v).toBeGreaterThan(235);
  });

  it('knows transparency', () => {
    const p = photo(4, 4, () => 200, () => false);
    expect(hasTransparency(p)).toBe(false);
    p.data[7] = 128;
    expect(hasTransparency(p)).toBe(true);
  });
});
