import { describe, expect, it } from 'vitest';
import { decodePoints, encodePoints } from './strokeCodec';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('stroke codec', () => {
  it('round-trips within 0.05 px and keeps pressure', () => {
    const rnd = seeded(7);
    const pts: number[] = [];
    for (let i = 0; i < 200; i++) pts.push(Math.sin(i / 10) * 100 + rnd(), i * 2.37 + rnd() * 3, 0.2 + rnd() * 0.6);
    const out = decodePoints(encodePoints(pts));
    expect(out.length).toBe(pts.length);
    for (let i = 0; i < pts.length; i += 3) {
      expect(Math.abs(out[i]! - pts[i]!)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(out[i + 1]! - pts[i + 1]!)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(out[i + 2]! - pts[i + 2]!)).toBeLessThanOrEqual(1 / 255);
    }
  });

  it('stores no pressure for mouse input', () => {
    const withMouse = encodePoints([0, 0, 0.5, 10, 10, 0.5, 20, 25, 0.5]);
    expect(Array.from(decodePoints(withMouse).filter((_, i) => i % 3 === 2))).toEqual([0.5, 0.5, 0.5]);
    expect(withMouse[0]! & 1).toBe(0);
  });

  it('handles negative and large coordinates', () => {
    const pts = [-50000.25, 80000.5, 0.5, -49990, 79999.9, 0.5];
    const out = decodePoints(encodePoints(pts));
    expect(out[0]).toBeCloseTo(-50000.2, 5);
    expect(out[4]).toBeCloseTo(79999.9, 5);
  });

  it('rejects malformed buffers instead of allocating', () => {
    expect(() => decodePoints(new Uint8Array([0, 0xff, 0xff, 0xff, 0x7f]))).toThrow();
    expect(() => decodePoints(new Uint8Array([9, 1, 0, 0]))).toThrow();
    expect(() => decodePoints(new Uint8Array([0, 1, 0, 0, 5, 7, 9]))).toThrow();
    expect(() => decodePoints(new Uint8Array([0, 200, 1, 0]))).toThrow();
  });
});
