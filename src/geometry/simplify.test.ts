import { describe, expect, it } from 'vitest';
import { simplifyPoints } from './simplify';

describe('simplifyPoints (RDP)', () => {
  it('drops collinear points and keeps the ends', () => {
    const pts = [0, 0, 0.5, 1, 1, 0.5, 2, 2, 0.5, 3, 3, 0.5];
    expect(simplifyPoints(pts, 0.3)).toEqual([0, 0, 0.5, 3, 3, 0.5]);
  });

  it('keeps a corner', () => {
    const pts = [0, 0, 0.5, 5, 0, 0.5, 10, 0, 0.5, 10, 5, 0.5, 10, 10, 0.5];
    expect(simplifyPoints(pts, 0.3)).toEqual([0, 0, 0.5, 10, 0, 0.5, 10, 10, 0.5]);
  });

  it('keeps deviations above tolerance and drops those below', () => {
    expect(simplifyPoints([0, 0, 0.5, 5, 0.2, 0.7, 10, 0, 0.5], 0.3)).toHaveLength(6);
    expect(simplifyPoints([0, 0, 0.5, 5, 0.4, 0.7, 10, 0, 0.5], 0.3)).toEqual([0, 0, 0.5, 5, 0.4, 0.7, 10, 0, 0.5]);
  });

  it('never moves a kept point more than the tolerance away from the original curve', () => {
    const pts: number[] = [];
    for (let i = 0; i < 400; i++) pts.push(i * 0.5, Math.sin(i / 20) * 40, 0.5);
    const out = simplifyPoints(pts, 0.3);
    expect(out.length).toBeLessThan(pts.length);
    // every original point lies within tolerance of the simplified polyline
    for (let i = 0; i < pts.length; i += 3) {
      let best = Infinity;
      for (let j = 0; j + 5 < out.length; j += 3) {
        const [ax, ay, bx, by] = [out[j]!, out[j + 1]!, out[j + 3]!, out[j + 4]!];
        const dx = bx - ax, dy = by - ay;
        const t = Math.max(0, Math.min(1, ((pts[i]! - ax) * dx + (pts[i + 1]! - ay) * dy) / (dx * dx + dy * dy)));
        best = Math.min(best, Math.hypot(ax + t * dx - pts[i]!, ay + t * dy - pts[i + 1]!));
      }
      expect(best).toBeLessThanOrEqual(0.3 + 1e-9);
    }
  });

  it('handles tiny inputs', () => {
    expect(simplifyPoints([], 0.3)).toEqual([]);
    expect(simplifyPoints([1, 2, 0.5], 0.3)).toEqual([1, 2, 0.5]);
    expect(simplifyPoints([1, 2, 0.5, 1, 2, 0.5], 0.3)).toEqual([1, 2, 0.5, 1, 2, 0.5]);
  });
});
