import { describe, expect, it } from 'vitest';
import { createLaserSink, LASER_HOLD_REFRESH_MS, decodeTrail, encodeTrail, LASER_FADE_MS, LASER_HOLD_MS, LASER_MAX_POINTS, LASER_REMOTE_LAG_MS, LASER_WINDOW_MS, laserAlpha, LaserTrails, visibleTrail, type LaserPoint } from './laser';

describe('laser trail fading', () => {
  it('fades smoothly from full to nothing over LASER_FADE_MS', () => {
    expect(laserAlpha(0)).toBe(1);
    expect(laserAlpha(-5)).toBe(1);
    expect(laserAlpha(LASER_HOLD_MS)).toBe(1);
    expect(laserAlpha(LASER_FADE_MS)).toBe(0);
    expect(laserAlpha(LASER_FADE_MS + 100)).toBe(0);
    let prev = 1;
    for (let age = LASER_HOLD_MS + 10; age < LASER_FADE_MS; age += 10) {
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
    const back = decodeTrail(JSON.parse(JSON.stringify(wire)) as unknown, 10_000);
    // The newest point is included, with its age; nothing older than the window.
    expect(back.at(-1)).toEqual({ x: 299, y: 598, t: 10_000 - (now - 299 * 5) });
    expect(10_000 - back[0]!.t).toBeLessThanOrEqual(LASER_WINDOW_MS);
    expect(back.every((p, i) => i === 0 || p.t >= back[i - 1]!.t)).toBe(true);
    // Every decoded point lies on the original path (whole px).
    for (const p of back) expect(pts.some((q) => Math.abs(q.x - p.x) <= 0.5 && Math.abs(q.y - p.y) <= 0.5)).toBe(true);
    // Small: deltas, about 6 characters a point.
    expect(JSON.stringify(wire).length / (wire.length / 3)).toBeLessThan(9);
  });

  it('reads remote trails leniently', () => {
    expect(decodeTrail('laser', 0)).toEqual([]);
    expect(decodeTrail([1, 2], 0)).toEqual([]);
    expect(decodeTrail([1, 2, 'x'], 0)).toEqual([]);
    expect(decodeTrail([1, Infinity, 3], 0)).toEqual([]);
    expect(decodeTrail([1, 2, -3], 0)).toEqual([]);
    expect(decodeTrail([1, 2, 3, 1, 1, -1], 0)).toEqual([]); // a later point older than the one before
    expect(decodeTrail([1, 2, 3, 1, 1, 5], 0)).toEqual([]); // younger than now
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

  it('a laser held still stays lit: its point is renewed until the button is released', () => {
    let now = 0;
    const trails = new LaserTrails(() => now);
    let tick: (() => void) | null = null;
    let stopped = 0;
    const published: number[] = [];
    const sink = createLaserSink(trails, (t) => published.push(t.length), {
      every: (_ms, fn) => {
        tick = fn;
        return () => stopped++;
      },
    });
    sink.point({ x: 5, y: 5 });
    for (let i = 0; i < 10; i++) {
      now += LASER_HOLD_REFRESH_MS;
      tick!();
    }
    expect(trails.local.at(-1)).toEqual({ x: 5, y: 5, t: now });
    expect(laserAlpha(now - trails.local.at(-1)!.t)).toBe(1);
    // Moving makes the renewals unnecessary: a point came in since.
    const n = trails.local.length;
    now += 50;
    sink.point({ x: 9, y: 9 });
    now += 50;
    tick!();
    expect(trails.local.length).toBe(n + 1);
    sink.end();
    expect(stopped).toBe(1);
    // Every point went to presence (1 press, 10 renewals, 1 move), and the release once more.
    expect(published).toHaveLength(13);
  });
});
