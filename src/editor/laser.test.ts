import { describe, expect, it } from 'vitest';
import { decodeTrail, encodeTrail, LASER_FADE_MS, LASER_MAX_POINTS, LASER_REMOTE_LAG_MS, LASER_WINDOW_MS, laserAlpha, LaserTrails, visibleTrail, type LaserPoint } from './laser';

describe('laser trail fading', () => {
  it('fades smoothly from full to nothing over LASER_FADE_MS', () => {
    expect(laserAlpha(0)).toBe(1);
    expect(laserAlpha(-5)).toBe(1);
    expect(laserAlpha(LASER_FADE_MS)).toBe(0);
    expect(laserAlpha(LASER_FADE_MS + 100)).toBe(0);
    let prev = 1;
    for (let age = 10; age < LASER_FADE_MS; age += 10) {
      const a = laserAlpha(age);
      expect(a).toBeLessThan(prev);
      // No step bigger than a few percent between 10 ms apart: a smooth fade, not a blink.
      expect(prev - a).toBeLessThan(0.03);
      prev = a;
    }
  });

  it('shows only points younger than the fade', () => {
    const pts: LaserPoint[] = [0, 100, 500, 900].map((t) => ({ x: t, y: 0, t }));
    expect(visibleTrail(pts, 1000).map((p) => p.t)).toEqual([500, 900]);
    expect(visibleTrail(pts, 950).map((p) => p.t)).toEqual([500, 900]);
    expect(visibleTrail(pts, 2000)).toEqual([]);
  });

  it('travels as the last second of points with their age, thinned, and lands on the receiver’s clock', () => {
    const pts: LaserPoint[] = Array.from({ length: 300 }, (_, i) => ({ x: i + 0.4, y: 2 * i, t: i * 5 }));
    const now = 1500;
    const wire = encodeTrail(pts, now);
    expect(wire.length % 3).toBe(0);
    expect(wire.length / 3).toBeLessThanOrEqual(LASER_MAX_POINTS);
    // Newest point is included, with its age.
    expect(wire.slice(-3)).toEqual([299, 598, now - 299 * 5]);
    // Nothing older than the window.
    for (let i = 2; i < wire.length; i += 3) expect(wire[i]).toBeLessThanOrEqual(LASER_WINDOW_MS);
    const JSONish = JSON.parse(JSON.stringify(wire)) as unknown;
    const back = decodeTrail(JSONish, 10_000);
    expect(back.at(-1)).toEqual({ x: 299, y: 598, t: 10_000 - (now - 299 * 5) });
    expect(back.every((p, i) => i === 0 || p.t >= back[i - 1]!.t)).toBe(true);
  });

  it('reads remote trails leniently', () => {
    expect(decodeTrail('laser', 0)).toEqual([]);
    expect(decodeTrail([1, 2], 0)).toEqual([]);
    expect(decodeTrail([1, 2, 'x'], 0)).toEqual([]);
    expect(decodeTrail([1, Infinity, 3], 0)).toEqual([]);
    expect(decodeTrail([1, 2, -3], 0)).toEqual([]);
    expect(decodeTrail(new Array(3 * (LASER_MAX_POINTS + 1)).fill(1), 0)).toEqual([]);
  });

  it('keeps its own trail to the window and remote trails per sender; goes idle once all faded', () => {
    let now = 0;
    const trails = new LaserTrails(() => now);
    const bumps: number[] = [];
    trails.version.subscribe(() => bumps.push(trails.version.get()));
    for (now = 0; now <= 2000; now += 100) trails.addLocal({ x: now, y: 0 });
    expect(trails.local[0]!.t).toBeGreaterThanOrEqual(2000 - LASER_WINDOW_MS);
    trails.setRemote(7, [{ x: 0, y: 0, t: 2000 }]);
    expect(trails.trails().map((t) => [t.key, t.lag])).toEqual([['me', 0], ['7', LASER_REMOTE_LAG_MS]]);
    expect(trails.active(2100)).toBe(true);
    expect(trails.active(2000 + LASER_FADE_MS + LASER_REMOTE_LAG_MS)).toBe(false);
    trails.keepOnly(new Set());
    expect(trails.trails().map((t) => t.key)).toEqual(['me']);
    expect(bumps.length).toBeGreaterThan(20);
  });
});
