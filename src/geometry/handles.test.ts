import { describe, expect, it } from 'vitest';
import { angleAround, boxFromPoints, handleAt, lineHandles, oppositeHandle, resizeScale, rotatePoint, rotationDelta, scaleBox, selectionHandles, unionBoxes } from './handles';

const box = { minX: 100, minY: 100, maxX: 300, maxY: 200 };

describe('selectionHandles', () => {
  it('gives 8 resize handles and a rotate knob on a large box, sized in screen px', () => {
    const hs = selectionHandles(box, 2);
    expect(hs.map((h) => h.id)).toEqual(['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w', 'rotate']);
    const ne = hs.find((h) => h.id === 'ne')!;
    expect([ne.x, ne.y]).toEqual([300, 100]);
    expect(ne.size).toBe(5); // 10 screen px at 200 %
    const rot = hs.find((h) => h.id === 'rotate')!;
    expect(rot.x).toBe(200);
    expect(rot.y).toBeLessThan(100);
  });

  it('drops edge handles on small boxes, keeps one corner on tiny ones', () => {
    expect(selectionHandles({ minX: 0, minY: 0, maxX: 30, maxY: 30 }, 1).map((h) => h.id)).toEqual(['nw', 'ne', 'se', 'sw', 'rotate']);
    expect(selectionHandles({ minX: 0, minY: 0, maxX: 5, maxY: 5 }, 1).map((h) => h.id)).toEqual(['se', 'rotate']);
    expect(selectionHandles(box, 1, { rotate: false, resize: false })).toEqual([]);
  });

  it('finds the handle under a point, with a larger radius for touch', () => {
    const hs = selectionHandles(box, 1);
    expect(handleAt(hs, { x: 303, y: 198 }, 1)?.id).toBe('se');
    expect(handleAt(hs, { x: 312, y: 212 }, 1)).toBeNull();
    expect(handleAt(hs, { x: 312, y: 212 }, 1, true)?.id).toBe('se');
    expect(handleAt(hs, { x: 200, y: 150 }, 1)).toBeNull();
  });
});

describe('resizing', () => {
  it('keeps the opposite corner fixed', () => {
    const s = resizeScale(box, 'se', { x: 500, y: 300 });
    expect(s.anchor).toEqual({ x: 100, y: 100 });
    expect(scaleBox(box, s)).toEqual({ minX: 100, minY: 100, maxX: 500, maxY: 300 });
    expect(oppositeHandle('nw')).toBe('se');
    expect(oppositeHandle('e')).toBe('w');
  });

  it('edge handles scale one axis', () => {
    const s = resizeScale(box, 'e', { x: 400, y: 999 });
    expect([s.sx, s.sy]).toEqual([1.5, 1]);
  });

  it('Shift keeps the aspect ratio', () => {
    const s = resizeScale(box, 'se', { x: 500, y: 210 }, true);
    expect(s.sx).toBe(2);
    expect(s.sy).toBe(2);
  });

  it('flips when dragged past the anchor and never reaches zero', () => {
    const s = resizeScale(box, 'e', { x: 0, y: 150 });
    expect(s.sx).toBe(-0.5);
    expect(scaleBox(box, s)).toEqual({ minX: 0, minY: 100, maxX: 100, maxY: 200 });
    expect(Math.abs(resizeScale(box, 'e', { x: 100, y: 150 }).sx)).toBeGreaterThan(0);
  });
});

describe('rotation helpers', () => {
  it('measures angles clockwise from up and snaps with Shift', () => {
    const c = { x: 0, y: 0 };
    expect(angleAround(c, { x: 0, y: -10 })).toBe(0);
    expect(angleAround(c, { x: 10, y: 0 })).toBe(90);
    expect(rotationDelta(c, { x: 0, y: -10 }, { x: 10, y: -9 }, true)).toBe(45);
    const p = rotatePoint({ x: 10, y: 0 }, c, 90);
    expect(p.x).toBeCloseTo(0);
    expect(p.y).toBeCloseTo(10);
  });

  it('builds marquee boxes, unions and line handles', () => {
    expect(boxFromPoints({ x: 5, y: 1 }, { x: 1, y: 5 })).toEqual({ minX: 1, minY: 1, maxX: 5, maxY: 5 });
    expect(unionBoxes([])).toBeNull();
    expect(unionBoxes([box, { minX: 0, minY: 150, maxX: 10, maxY: 400 }])).toEqual({ minX: 0, minY: 100, maxX: 300, maxY: 400 });
    expect(lineHandles(1, 2, 10, -5, 1).map((h) => [h.id, h.x, h.y])).toEqual([['start', 1, 2], ['end', 11, -3]]);
  });
});
