import { describe, expect, it } from 'vitest';
import { distPointPolyline, distSegmentPolyline, pointInPolygon, polylineTouchesBox, segmentsIntersect } from './hit';
import { hitBox, hitPoint, hitSegment, insideBox, outlineOf } from './outline';
import { SpatialIndex } from './spatialIndex';
import { estimateMeasure, fitStickyText, textBoxSize, wrapLines } from './textLayout';

const base = { x: 100, y: 100, rotation: 0 };

describe('hit primitives', () => {
  it('measures distances to polylines and finds crossings', () => {
    expect(distPointPolyline({ x: 5, y: 3 }, [0, 0, 10, 0])).toBe(3);
    expect(distPointPolyline({ x: 3, y: 4 }, [0, 0])).toBe(5);
    expect(distSegmentPolyline({ x: 5, y: -5 }, { x: 5, y: 5 }, [0, 0, 10, 0])).toBe(0);
    expect(distSegmentPolyline({ x: 20, y: -5 }, { x: 20, y: 5 }, [0, 0, 10, 0])).toBe(10);
    expect(segmentsIntersect(0, 0, 10, 10, 0, 10, 10, 0)).toBe(true);
    expect(pointInPolygon({ x: 5, y: 5 }, [0, 0, 10, 0, 10, 10, 0, 10])).toBe(true);
    expect(pointInPolygon({ x: 15, y: 5 }, [0, 0, 10, 0, 10, 10, 0, 10])).toBe(false);
    expect(polylineTouchesBox([-10, 5, 20, 5], { minX: 0, minY: 0, maxX: 10, maxY: 10 })).toBe(true);
    expect(polylineTouchesBox([-10, 50, 20, 50], { minX: 0, minY: 0, maxX: 10, maxY: 10 })).toBe(false);
  });
});

describe('item outlines', () => {
  const stroke = outlineOf({ ...base, kind: 'stroke', width: 6, scaleX: 1, scaleY: 1, points: [0, 0, 0.5, 100, 0, 0.5] });

  it('strokes are hit near their line only, and scale with scaleX/scaleY', () => {
    expect(hitPoint(stroke, { x: 150, y: 104 }, 2)).toBe('edge');
    expect(hitPoint(stroke, { x: 150, y: 110 }, 2)).toBeNull();
    expect(stroke.box).toEqual({ minX: 97, minY: 97, maxX: 203, maxY: 103 });
    const scaled = outlineOf({ ...base, kind: 'stroke', width: 6, scaleX: 2, scaleY: 1, points: [0, 0, 0.5, 100, 0, 0.5] });
    expect(scaled.box.maxX).toBe(303);
  });

  it('rotates around the origin', () => {
    const r = outlineOf({ ...base, rotation: 90, kind: 'stroke', width: 2, scaleX: 1, scaleY: 1, points: [0, 0, 0.5, 100, 0, 0.5] });
    expect(hitPoint(r, { x: 100, y: 190 }, 1)).toBe('edge');
    expect(hitPoint(r, { x: 190, y: 100 }, 1)).toBeNull();
  });

  it('filled shapes are hit inside, hollow ones weakly', () => {
    const filled = outlineOf({ ...base, kind: 'shape', shape: 'rect', w: 100, h: 50, width: 4, fill: 'solid' });
    const hollow = outlineOf({ ...base, kind: 'shape', shape: 'ellipse', w: 100, h: 50, width: 4, fill: 'none' });
    expect(hitPoint(filled, { x: 150, y: 125 }, 1)).toBe('inside');
    expect(hitPoint(hollow, { x: 150, y: 125 }, 1)).toBe('hollow');
    expect(hitPoint(hollow, { x: 200, y: 125 }, 1)).toBe('edge');
    expect(hitPoint(hollow, { x: 101, y: 101 }, 1)).toBeNull(); // outside the ellipse, inside its box
  });

  it('arrows have a head; text and notes are solid boxes', () => {
    const arrow = outlineOf({ ...base, kind: 'shape', shape: 'arrow', w: 100, h: 0, width: 4, fill: 'none' });
    expect(arrow.lines).toHaveLength(2);
    expect(hitPoint(arrow, { x: 190, y: 106 }, 1)).toBe('edge');
    const note = outlineOf({ ...base, kind: 'box', w: 200, h: 200 });
    expect(hitPoint(note, { x: 200, y: 200 }, 0)).toBe('inside');
  });

  it('the eraser path touches strokes it crosses or comes near', () => {
    expect(hitSegment(stroke, { x: 150, y: 80 }, { x: 150, y: 120 }, 4)).toBe(true);
    expect(hitSegment(stroke, { x: 150, y: 80 }, { x: 160, y: 90 }, 4)).toBe(false);
    expect(hitSegment(stroke, { x: 150, y: 80 }, { x: 160, y: 94 }, 4)).toBe(true);
  });

  it('the marquee touches or contains', () => {
    expect(hitBox(stroke, { minX: 140, minY: 90, maxX: 160, maxY: 110 })).toBe(true);
    expect(hitBox(stroke, { minX: 140, minY: 110, maxX: 160, maxY: 130 })).toBe(false);
    expect(insideBox(stroke, { minX: 90, minY: 90, maxX: 210, maxY: 110 })).toBe(true);
    expect(insideBox(stroke, { minX: 140, minY: 90, maxX: 160, maxY: 110 })).toBe(false);
    const note = outlineOf({ ...base, kind: 'box', w: 200, h: 200 });
    expect(hitBox(note, { minX: 150, minY: 150, maxX: 160, maxY: 160 })).toBe(true);
  });
});

describe('SpatialIndex', () => {
  it('finds, moves and forgets boxes', () => {
    const idx = new SpatialIndex();
    idx.load([{ id: 'a', box: { minX: 0, minY: 0, maxX: 10, maxY: 10 } }, { id: 'b', box: { minX: 100, minY: 100, maxX: 110, maxY: 110 } }]);
    expect(idx.near(5, 5, 1)).toEqual(['a']);
    idx.set('a', { minX: 200, minY: 200, maxX: 210, maxY: 210 });
    expect(idx.near(5, 5, 1)).toEqual([]);
    expect(idx.search({ minX: 0, minY: 0, maxX: 1000, maxY: 1000 }).sort()).toEqual(['a', 'b']);
    idx.delete('b');
    expect(idx.size).toBe(1);
    expect(idx.boxOf('a')?.minX).toBe(200);
  });
});

describe('text layout', () => {
  const m = estimateMeasure;
  it('wraps words and keeps hard breaks', () => {
    expect(wrapLines('one two three', 10, 0, m)).toEqual(['one two three']);
    expect(wrapLines('one two three', 10, 35, m)).toEqual(['one', 'two', 'three']);
    expect(wrapLines('a\nb', 10, 0, m)).toEqual(['a', 'b']);
    expect(wrapLines('abcdefghij', 10, 30, m).every((l) => m(l, 10) <= 30)).toBe(true);
  });

  it('sizes text boxes, with room for the caret when empty', () => {
    expect(textBoxSize('ab\nc', 20, 0, m)).toEqual({ w: 2 * 20 * 0.56, h: 2 * 25 });
    expect(textBoxSize('', 20, 0, m).w).toBeGreaterThan(0);
  });

  it('fits sticky text: short words large, long text smaller', () => {
    expect(fitStickyText('Hi', 200, 200, m).fontPx).toBe(32);
    const long = fitStickyText('lorem ipsum dolor sit amet '.repeat(10), 200, 200, m);
    expect(long.fontPx).toBeLessThan(20);
    expect(long.lines.length * long.fontPx * 1.25).toBeLessThanOrEqual(200 - 28);
  });
});
