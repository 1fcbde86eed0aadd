import { describe, expect, it } from 'vitest';
import { boxesIntersect, boundsOfPoints } from './box';
import { boardToScreen, panBy, screenToBoard, viewportBox, zoomAt } from './camera';

describe('camera', () => {
  const cam = { x: 100, y: 50, zoom: 2 };

  it('round-trips screen and board coordinates', () => {
    const b = screenToBoard(cam, { x: 40, y: 60 });
    expect(b).toEqual({ x: 120, y: 80 });
    expect(boardToScreen(cam, b)).toEqual({ x: 40, y: 60 });
  });

  it('keeps the point under the cursor fixed when zooming', () => {
    const p = { x: 300, y: 200 };
    const before = screenToBoard(cam, p);
    const after = screenToBoard(zoomAt(cam, p, 1.5), p);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps zoom and pans in screen pixels', () => {
    expect(zoomAt(cam, { x: 0, y: 0 }, 1000).zoom).toBe(8);
    expect(panBy(cam, 20, -10)).toEqual({ x: 110, y: 45, zoom: 2 });
    expect(viewportBox(cam, 200, 100)).toEqual({ minX: 100, minY: 50, maxX: 200, maxY: 100 });
  });
});

describe('box', () => {
  it('bounds points with an offset and padding', () => {
    expect(boundsOfPoints([0, 0, 0.5, 10, -5, 0.5], 100, 100, 2)).toEqual({ minX: 98, minY: 93, maxX: 112, maxY: 102 });
  });
  it('tests intersection', () => {
    const a = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
    expect(boxesIntersect(a, { minX: 10, minY: 10, maxX: 20, maxY: 20 })).toBe(true);
    expect(boxesIntersect(a, { minX: 11, minY: 0, maxX: 20, maxY: 10 })).toBe(false);
  });
});
