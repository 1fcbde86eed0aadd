import { describe, expect, it } from 'vitest';
import { bandsOf } from './render';

describe('bands', () => {
  it('tile the image exactly, each under the pixel budget, about the same height', () => {
    for (const [w, h, max, atLeast] of [
      [6934, 6927, 8_000_000, 2],
      [9748, 4925, 8_000_000, 2],
      [2496, 2361, 8_000_000, 2],
      [2496, 2361, 8_000_000, 1],
      [100, 7, 8_000_000, 2],
      [16_384, 3, 10_000, 1],
    ] as const) {
      const bands = bandsOf(w, h, max, atLeast);
      let next = 0;
      for (const [top, height] of bands) {
        expect(top).toBe(next);
        expect(height).toBeGreaterThan(0);
        if (height > 1) expect(w * height).toBeLessThanOrEqual(max);
        next += height;
      }
      expect(next).toBe(h);
      expect(bands.length).toBeGreaterThanOrEqual(Math.min(atLeast, h));
      const heights = bands.map((b) => b[1]);
      if (bands.length > 1) expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(Math.ceil(h / bands.length));
    }
    expect(bandsOf(2496, 2361, 8_000_000, 1)).toEqual([[0, 2361]]);
    expect(bandsOf(6934, 6927, 8_000_000, 2)).toHaveLength(7);
  });
});
