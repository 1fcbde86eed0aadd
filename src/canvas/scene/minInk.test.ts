import { describe, expect, it } from 'vitest';
import { encodePoints } from '../../model/strokeCodec';
import type { Item } from '../../model/schema';
import type { SceneEntry } from '../inkIndex';
import { drawEntry, LOD_BELOW_K, NO_LOOK } from './draw';
import { fillInk, inkDeficit, minBoardWidth, scaleOf } from './minInk';

/** A 2d context that records what is filled and stroked, and with which width. */
function recorder() {
  const calls: Array<{ op: 'fill' | 'stroke'; path: unknown; width: number; color: string }> = [];
  const ctx = {
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    lineJoin: 'miter',
    lineCap: 'butt',
    globalAlpha: 1,
    fill(path?: unknown) {
      calls.push({ op: 'fill', path, width: 0, color: String(this.fillStyle) });
    },
    stroke(path?: unknown) {
      calls.push({ op: 'stroke', path, width: this.lineWidth, color: String(this.strokeStyle) });
    },
    translate() {},
    save() {},
    restore() {},
    scale() {},
    rotate() {},
    beginPath() {},
    moveTo() {},
    lineTo() {},
    roundRect() {},
    ellipse() {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

const OUTLINE = { name: 'outline' } as unknown as Path2D;
const CENTRE = { name: 'centre' } as unknown as Path2D;
const BOX = { minX: 0, minY: 0, maxX: 10, maxY: 10 };

function strokeEntry(width: number, tool: 'pen' | 'highlighter' = 'pen'): SceneEntry {
  const item: Item = { id: 's', kind: 'stroke', tool, color: '#0a64c2', width, x: 0, y: 0, rotation: 0, scaleX: 1, scaleY: 1, points: encodePoints(new Float64Array([0, 0, 0.5, 10, 0, 0.5])), author: 'a', index: 'a0' } as Item;
  return { item, box: BOX, local: BOX, frame: BOX, path: OUTLINE, lod: CENTRE, text: null };
}

describe('the floor arithmetic', () => {
  it('turns a floor in device px into board px at a zoom, and none into 0', () => {
    expect(minBoardWidth(2, 0.25)).toBe(8);
    expect(minBoardWidth(undefined, 0.25)).toBe(0);
    expect(minBoardWidth(0, 0.25)).toBe(0);
  });

  it('adds only what is missing: thin ink reaches the floor, wide ink keeps its width', () => {
    expect(inkDeficit(3, 7)).toBe(4);
    expect(inkDeficit(12, 7)).toBe(0);
    expect(inkDeficit(7, 7)).toBe(0);
  });

  it('a stroke scaled down shows thinner, so it needs more of the floor', () => {
    expect(scaleOf(1, 1)).toBe(1);
    expect(scaleOf(0.5, 2)).toBe(1);
    expect(scaleOf(-0.5, 0.5)).toBe(0.5);
  });
});

describe('fillInk', () => {
  it('fills the outline, then strokes it with the missing width in the ink colour', () => {
    const { ctx, calls } = recorder();
    ctx.fillStyle = '#c8312f';
    fillInk(ctx, OUTLINE, CENTRE, 3, 7, false);
    expect(calls).toEqual([
      { op: 'fill', path: OUTLINE, width: 0, color: '#c8312f' },
      { op: 'stroke', path: OUTLINE, width: 4, color: '#c8312f' },
    ]);
  });

  it('only fills ink that is wide enough', () => {
    const { ctx, calls } = recorder();
    fillInk(ctx, OUTLINE, CENTRE, 12, 7, false);
    expect(calls.map((c) => c.op)).toEqual(['fill']);
  });

  it('draws thin translucent ink as its centre line at the floor (no darker overlap)', () => {
    const { ctx, calls } = recorder();
    fillInk(ctx, OUTLINE, CENTRE, 3, 7, true);
    expect(calls).toEqual([{ op: 'stroke', path: CENTRE, width: 7, color: '#000000' }]);
  });
});

describe('drawEntry with a floor (the projector)', () => {
  it('widens a thin pen stroke to the floor at a small zoom, and leaves it alone without one', () => {
    const k = 0.5; // a 3 px stroke shows 1.5 device px
    const floor = recorder();
    drawEntry(floor.ctx, strokeEntry(3), k, { ...NO_LOOK, minInk: 2 });
    expect(floor.calls).toEqual([
      { op: 'fill', path: OUTLINE, width: 0, color: '#0a64c2' },
      { op: 'stroke', path: OUTLINE, width: 1, color: '#0a64c2' }, // 3 + 1 = 4 board px = 2 device px
    ]);
    const laptop = recorder();
    drawEntry(laptop.ctx, strokeEntry(3), k, NO_LOOK);
    expect(laptop.calls.map((c) => c.op)).toEqual(['fill']);
  });

  it('gives the far-zoom centre line the floor as its width', () => {
    const k = LOD_BELOW_K / 2;
    const { ctx, calls } = recorder();
    drawEntry(ctx, strokeEntry(3), k, { ...NO_LOOK, minInk: 2 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ op: 'stroke', path: CENTRE });
    expect(calls[0]!.width).toBeCloseTo(2 / k);
  });

  it('keeps a thick stroke proportional', () => {
    const { ctx, calls } = recorder();
    drawEntry(ctx, strokeEntry(12), 0.5, { ...NO_LOOK, minInk: 2 });
    expect(calls.map((c) => c.op)).toEqual(['fill']);
  });

  it('draws a thinned highlighter as its centre line, translucent', () => {
    const { ctx, calls } = recorder();
    drawEntry(ctx, strokeEntry(3, 'highlighter'), 0.5, { ...NO_LOOK, minInk: 2 });
    expect(calls).toEqual([{ op: 'stroke', path: CENTRE, width: 4, color: '#0a64c2' }]);
  });

  it('gives thin shape outlines the floor too', () => {
    const { ctx, calls } = recorder();
    const shape = { id: 'r', kind: 'shape', shape: 'rect', x: 0, y: 0, w: 100, h: 50, rotation: 0, color: '#138a5b', width: 2, fill: 'none', author: 'a', index: 'a1' } as Item;
    drawEntry(ctx, { item: shape, box: BOX, local: BOX, frame: BOX, path: null, lod: null, text: null }, 0.25, { ...NO_LOOK, minInk: 2 });
    expect(calls).toEqual([{ op: 'stroke', path: undefined, width: 8, color: '#138a5b' }]);
  });
});
