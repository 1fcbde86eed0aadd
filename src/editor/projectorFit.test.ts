import { describe, expect, it } from 'vitest';
import { boxVisible, easeInOut, fitCamera, interpolateCamera, needsRefit, PROJECTOR_MAX_ZOOM } from './projectorFit';

const view = { width: 1920, height: 1080 };
const insets = { top: 280, right: 0, bottom: 0, left: 0 };
const screen = (c: { x: number; y: number; zoom: number }, x: number, y: number) => ({ x: (x - c.x) * c.zoom, y: (y - c.y) * c.zoom });

describe('projector fit', () => {
  it('fits a wide drawing into the area under the header, centred, with the margin', () => {
    const box = { minX: -1000, minY: 0, maxX: 3000, maxY: 500 };
    const cam = fitCamera(box, view, insets, 48);
    expect(cam.zoom).toBeCloseTo((1920 - 96) / 4000);
    const tl = screen(cam, box.minX, box.minY), br = screen(cam, box.maxX, box.maxY);
    expect(tl.x).toBeCloseTo(48);
    expect(br.x).toBeCloseTo(1920 - 48);
    // Vertically centred in 280..1080.
    expect((tl.y + br.y) / 2).toBeCloseTo(680);
    expect(boxVisible(cam, box, view, insets)).toBe(true);
  });

  it('a tall drawing is limited by the height; a tiny one is not blown up beyond the cap', () => {
    const tall = fitCamera({ minX: 0, minY: 0, maxX: 100, maxY: 7040 }, view, insets, 48);
    expect(tall.zoom).toBeCloseTo((800 - 96) / 7040);
    const tiny = fitCamera({ minX: 10, minY: 10, maxX: 20, maxY: 20 }, view, insets);
    expect(tiny.zoom).toBe(PROJECTOR_MAX_ZOOM);
  });

  it('refits when something is cut off or the drawing could be much larger, not for small changes', () => {
    const box = { minX: 0, minY: 0, maxX: 1000, maxY: 500 };
    const cam = fitCamera(box, view, insets);
    // A stroke inside the view: stay.
    const grown = { ...box, maxX: 1010 };
    expect(needsRefit(cam, fitCamera(grown, view, insets), grown, view, insets)).toBe(false);
    // A stroke far away: go.
    const far = { ...box, maxX: 9000 };
    expect(needsRefit(cam, fitCamera(far, view, insets), far, view, insets)).toBe(true);
    // The far stroke was deleted again: zoom back in.
    const wide = fitCamera(far, view, insets);
    expect(needsRefit(wide, cam, box, view, insets)).toBe(true);
  });

  it('interpolates from start to end, zoom geometrically, monotonic easing', () => {
    const a = { x: 0, y: 0, zoom: 1 }, b = { x: 500, y: -200, zoom: 0.25 };
    expect(interpolateCamera(a, b, 0, view)).toEqual(a);
    expect(interpolateCamera(a, b, 1, view)).toEqual(b);
    expect(interpolateCamera(a, b, 0.5, view).zoom).toBeCloseTo(0.5);
    let last = -1;
    for (let t = 0; t <= 1.0001; t += 0.05) {
      const v = easeInOut(t);
      expect(v).toBeGreaterThanOrEqual(last);
      last = v;
    }
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
  });
});
