import { describe, expect, it } from 'vitest';
import { STICKY_TEXT } from '../../geometry/textLayout';
import { deviceRectOfBox, exposedStrips, mergeRects, planPan } from './bitmapPlan';
import { placeBox, shapeLocalBox, STICKY_SHADOW, stickyLocalBox, textLocalBox } from './bounds';
import { layoutSticky, layoutTextItem } from './textLayout';

/** Monospace fake: every glyph is 0.5 em wide. */
const mono = (text: string, px: number) => text.length * px * 0.5;

describe('bounds per kind', () => {
  it('places a local box by translation, rotation and scale', () => {
    const local = { minX: 0, minY: 0, maxX: 100, maxY: 50 };
    expect(placeBox(local, { x: 10, y: 20, rotation: 0 })).toEqual({ minX: 10, minY: 20, maxX: 110, maxY: 70 });
    expect(placeBox(local, { x: 0, y: 0, rotation: 0, scaleX: 2, scaleY: -1 })).toEqual({ minX: 0, minY: -50, maxX: 200, maxY: 0 });
    const r = placeBox(local, { x: 0, y: 0, rotation: 90 });
    expect(r.minX).toBeCloseTo(-50);
    expect(r.maxX).toBeCloseTo(0);
    expect(r.maxY).toBeCloseTo(100);
  });

  it('pads shapes by half their line width and makes room for an arrow head', () => {
    expect(shapeLocalBox({ shape: 'rect', w: 100, h: 40, width: 4 })).toEqual({ minX: -3, minY: -3, maxX: 103, maxY: 43 });
    // A line to the upper left: negative w and h.
    expect(shapeLocalBox({ shape: 'line', w: -50, h: -20, width: 2 })).toEqual({ minX: -52, minY: -22, maxX: 2, maxY: 2 });
    const arrow = shapeLocalBox({ shape: 'arrow', w: 100, h: 0, width: 4 });
    expect(arrow.maxY).toBeGreaterThan(5); // the barbs spread beyond the line's own width
    expect(arrow.minY).toBeLessThan(-5);
  });

  it('leaves room for a sticky note shadow and text overhang', () => {
    const s = stickyLocalBox(200, 200);
    expect(s.minX).toBe(-STICKY_SHADOW.reach);
    expect(s.maxY).toBe(200 + STICKY_SHADOW.reach + STICKY_SHADOW.offsetY);
    expect(textLocalBox(100, 40, 20)).toEqual({ minX: -3, minY: -3, maxX: 103, maxY: 43 });
  });
});

describe('text layout', () => {
  it('wraps a text item at its width and sizes its box by its lines', () => {
    const t = layoutTextItem('one two three four', 's', 100, mono); // 20 px: 10 px a glyph
    expect(t.lines).toEqual(['one two', 'three four']);
    expect(t.width).toBe(100);
    expect(t.height).toBeCloseTo(2 * t.lineHeight);
    const free = layoutTextItem('short\nand a longer line', 'l', 0, mono);
    expect(free.lines).toHaveLength(2);
    expect(free.width).toBe(mono('and a longer line', 56));
  });

  it('shrinks the font of a sticky note until the words fit inside its padding', () => {
    const few = layoutSticky('Hi', 200, 200, mono);
    const many = layoutSticky('a rather long sentence that people typed into a small note during the workshop', 200, 200, mono);
    expect(few.fontPx).toBe(STICKY_TEXT.maxFontPx);
    expect(many.fontPx).toBeLessThan(few.fontPx);
    expect(many.height).toBeLessThanOrEqual(200 - 2 * many.padding);
    for (const w of many.widths) expect(w).toBeLessThanOrEqual(200 - 2 * many.padding + 0.5);
    // A bigger note fits the same words at a bigger size.
    expect(layoutSticky(many.lines.join(' '), 400, 400, mono).fontPx).toBeGreaterThan(many.fontPx);
  });
});

describe('bitmap bookkeeping', () => {
  it('turns a pan by whole device pixels into a shift, and snaps a fractional one', () => {
    const from = { x: 100, y: 100, zoom: 0.5 };
    const p = planPan(from, { x: 120, y: 90, zoom: 0.5 }, 2, 1000, 800)!;
    expect(p).toMatchObject({ sx: -20, sy: 10, exact: true });
    const f = planPan(from, { x: 100.3, y: 100, zoom: 0.5 }, 1, 1000, 800)!;
    expect(f.exact).toBe(false);
    expect(f.sx).toBe(0);
    expect(f.cam.x).toBe(100);
    expect(planPan(from, { x: 100, y: 100, zoom: 1 }, 1, 1000, 800)).toBeNull(); // zoom: render again
    expect(planPan(from, { x: 5000, y: 100, zoom: 0.5 }, 1, 1000, 800)).toBeNull(); // too far
  });

  it('exposes one strip per moved axis, without overlap', () => {
    expect(exposedStrips(10, 0, 100, 50)).toEqual([{ x: 0, y: 0, w: 10, h: 50 }]);
    expect(exposedStrips(-10, -5, 100, 50)).toEqual([
      { x: 90, y: 0, w: 10, h: 50 },
      { x: 0, y: 45, w: 90, h: 5 },
    ]);
    const area = exposedStrips(7, 3, 100, 50).reduce((a, r) => a + r.w * r.h, 0);
    expect(area).toBe(100 * 50 - 93 * 47);
  });

  it('maps dirty boxes to clipped device rectangles and merges overlapping ones', () => {
    const cam = { x: 0, y: 0, zoom: 1 };
    expect(deviceRectOfBox({ minX: 10, minY: 10, maxX: 20, maxY: 20 }, cam, 2, 100, 100)).toEqual({ x: 19, y: 19, w: 22, h: 22 });
    expect(deviceRectOfBox({ minX: 500, minY: 0, maxX: 600, maxY: 10 }, cam, 1, 100, 100)).toBeNull();
    const merged = mergeRects([
      { x: 0, y: 0, w: 10, h: 10 },
      { x: 50, y: 50, w: 10, h: 10 },
      { x: 5, y: 5, w: 10, h: 10 },
    ]);
    expect(merged).toEqual([
      { x: 50, y: 50, w: 10, h: 10 },
      { x: 0, y: 0, w: 15, h: 15 },
    ]);
    expect(mergeRects(Array.from({ length: 40 }, (_, i) => ({ x: i * 20, y: 0, w: 5, h: 5 })), 8)).toHaveLength(8);
    // The two strips of a diagonal pan touch at a corner: merged they would be the whole bitmap.
    const strips = exposedStrips(-7, -9, 1366, 768);
    expect(mergeRects(strips)).toEqual(strips);
  });
});

describe('overscan bookkeeping', () => {
  it('subtracts rectangles and carries unpainted parts along a shift', async () => {
    const { subtractRect, shiftInvalid, splitRect } = await import('./bitmapPlan');
    const pieces = splitRect({ x: 0, y: 0, w: 300, h: 100 }, 128);
    expect(pieces).toHaveLength(3);
    expect(pieces.reduce((a, r) => a + r.w * r.h, 0)).toBe(300 * 100);
    const all = { x: 0, y: 0, w: 100, h: 100 };
    const ring = subtractRect(all, { x: 20, y: 20, w: 60, h: 60 });
    expect(ring.reduce((a, r) => a + r.w * r.h, 0)).toBe(100 * 100 - 60 * 60);
    expect(subtractRect(all, { x: 200, y: 0, w: 10, h: 10 })).toEqual([all]);
    // A left band stays unpainted after moving 10 px right, and the move exposes another strip.
    const after = shiftInvalid([{ x: 0, y: 0, w: 20, h: 100 }], 10, 0, 100, 100);
    expect(after).toEqual([
      { x: 10, y: 0, w: 20, h: 100 },
      { x: 0, y: 0, w: 10, h: 100 },
    ]);
    // Shifted off the bitmap: gone.
    expect(shiftInvalid([{ x: 90, y: 0, w: 10, h: 10 }], 20, 0, 100, 100)).toEqual([{ x: 0, y: 0, w: 20, h: 100 }]);
  });
});
