import { beforeAll, describe, expect, it } from 'vitest';
import type { Board, ItemsChange } from '../model/board';
import type { Item, StrokeItem } from '../model/schema';
import { encodePoints } from '../model/strokeCodec';
import { InkIndex } from './inkIndex';

// Node has no Path2D; the index only needs something to build and hand back.
class FakePath2D {
  moveTo(): void {}
  lineTo(): void {}
  quadraticCurveTo(): void {}
  closePath(): void {}
}
beforeAll(() => {
  (globalThis as { Path2D?: unknown }).Path2D = FakePath2D;
});

/** Just the part of Board the index reads (canvas/ may not touch Yjs, even in tests). */
class FakeBoard {
  items = new Map<string, StrokeItem>();
  listeners = new Set<(c: ItemsChange) => void>();
  allItems = () => [...this.items.values()].sort((a, b) => (a.index < b.index ? -1 : 1));
  getItem = (id: string) => this.items.get(id);
  subscribe = (l: (c: ItemsChange) => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  put(item: StrokeItem) {
    this.items.set(item.id, item);
    this.emit({ upserted: new Set([item.id]), removed: new Set(), local: true });
  }
  remove(id: string) {
    this.items.delete(id);
    this.emit({ upserted: new Set(), removed: new Set([id]), local: true });
  }
  private emit(c: ItemsChange) {
    for (const l of this.listeners) l(c);
  }
}

const stroke = (id: string, index: string, x: number, y: number): StrokeItem => ({
  id, kind: 'stroke', author: 'me', index, x, y, rotation: 0, scaleX: 1, scaleY: 1, tool: 'pen', color: '#1f2328', width: 4,
  points: encodePoints([0, 0, 0.5, 50, 10, 0.5]),
});
const everywhere = { minX: -1e6, minY: -1e6, maxX: 1e6, maxY: 1e6 };
const ids = (index: InkIndex, view = everywhere) => [...index.visible(view)].map((e) => e.item.id);

describe('InkIndex', () => {
  it('keeps z-order, culls by box, reports dirty boxes and reuses unchanged outlines', () => {
    const board = new FakeBoard();
    board.put(stroke('aaaaaaaa', 'a0', 0, 0));
    const index = new InkIndex(board as unknown as Board);
    const dirty: unknown[][] = [];
    index.onChange((boxes) => dirty.push(boxes));

    board.put(stroke('bbbbbbbb', 'a2', 1000, 1000));
    board.put(stroke('cccccccc', 'a1', 2000, 0)); // lands below b: order must be re-sorted
    expect(ids(index)).toEqual(['aaaaaaaa', 'cccccccc', 'bbbbbbbb']);
    expect(ids(index, { minX: 900, minY: 900, maxX: 1100, maxY: 1100 })).toEqual(['bbbbbbbb']);
    expect(dirty[0]![0]).toMatchObject({ minX: 996, maxX: 1054 });

    const before = [...index.visible(everywhere)][0]!.path;
    board.put({ ...stroke('aaaaaaaa', 'a0', 0, 0), color: '#c8312f', points: board.items.get('aaaaaaaa')!.points });
    const again = [...index.visible(everywhere)][0]!;
    expect(again.item).toMatchObject({ color: '#c8312f' });
    expect(again.path).toBe(before); // colour only: the outline is reused

    board.remove('aaaaaaaa');
    expect(ids(index)).toEqual(['cccccccc', 'bbbbbbbb']);
    expect(dirty.at(-1)![0]).toMatchObject({ minX: -4, maxX: 54 });
    index.destroy();
  });

  it('skips an item whose points do not decode', () => {
    const board = new FakeBoard();
    const index = new InkIndex(board as unknown as Board);
    board.put({ ...stroke('dddddddd', 'a0', 0, 0), points: new Uint8Array([0, 200, 1, 0]) });
    expect(index.size).toBe(0);
  });
});

describe('InkIndex: every kind', () => {
  const mono = (text: string, px: number) => text.length * px * 0.5;
  const base = { author: 'me', rotation: 0 };
  class AnyBoard extends FakeBoard {
    putAny(item: Item) {
      (this.items as Map<string, Item>).set(item.id, item);
      (this as unknown as { emit(c: ItemsChange): void }).emit({ upserted: new Set([item.id]), removed: new Set(), local: true });
    }
  }

  it('boxes shapes, text and stickies, and draws highlighters under the ink', () => {
    const board = new AnyBoard();
    const index = new InkIndex(board as unknown as Board, { measure: mono });
    board.put(stroke('pen00001', 'a1', 0, 0));
    board.put({ ...stroke('hl000001', 'a2', 0, 0), tool: 'highlighter' });
    board.putAny({ ...base, id: 'shape001', kind: 'shape', index: 'a3', x: 100, y: 100, shape: 'rect', w: 50, h: 20, color: '#0a64c2', width: 2, fill: 'semi' });
    board.putAny({ ...base, id: 'text0001', kind: 'text', index: 'a4', x: 0, y: 300, text: 'hello world', size: 's', color: '#1f2328', w: 0 });
    board.putAny({ ...base, id: 'stick001', kind: 'sticky', index: 'a5', x: 400, y: 0, text: 'idea', w: 200, h: 200, color: '#fde68a' });
    expect(ids(index)).toEqual(['hl000001', 'pen00001', 'shape001', 'text0001', 'stick001']);
    expect(index.get('shape001')!.box).toEqual({ minX: 98, minY: 98, maxX: 152, maxY: 122 });
    expect(index.get('text0001')!.frame).toMatchObject({ minX: 0, maxX: mono('hello world', 20) });
    expect(index.get('stick001')!.text!.lines).toEqual(['idea']);
    // Rotating a sticky keeps its layout and moves its box.
    const layout = index.get('stick001')!.text;
    board.putAny({ ...(board.items.get('stick001') as unknown as Item), rotation: 45 } as Item);
    expect(index.get('stick001')!.text).toBe(layout);
    expect(index.get('stick001')!.box.minX).toBeLessThan(400 - 24);
    index.destroy();
  });

  it('decodes strokes near the view first and the rest in idle slices', () => {
    const board = new AnyBoard();
    for (let i = 0; i < 20; i++) board.items.set(`far${String(i).padStart(5, '0')}`, stroke(`far${String(i).padStart(5, '0')}`, `a${i}`, 100_000 + i * 10, 0));
    board.items.set('near0001', stroke('near0001', 'b0', 10, 10));
    const index = new InkIndex(board as unknown as Board, { measure: mono });
    expect(index.pendingCount).toBe(21);
    expect(ids(index, { minX: 0, minY: 0, maxX: 100, maxY: 100 })).toEqual(['near0001']);
    expect(index.pendingCount).toBe(20);
    const reported: unknown[] = [];
    index.onChange((boxes) => reported.push(...boxes));
    let budget = 5;
    expect(index.settleSome(() => budget-- > 0)).toBe(15);
    expect(reported).toHaveLength(5);
    expect(index.settleSome(() => true)).toBe(0);
    expect(index.size).toBe(21);
    index.destroy();
  });
});

describe('InkIndex: level of detail', () => {
  it('builds a centre line with the box, and the outline only when drawn in detail', () => {
    const board = new FakeBoard();
    board.items.set('lod00001', stroke('lod00001', 'a0', 0, 0));
    const index = new InkIndex(board as unknown as Board, { measure: () => 0 });
    const [coarse] = [...index.visible(everywhere, false)];
    expect(coarse!.lod).not.toBeNull();
    expect(coarse!.path).toBeNull();
    const [fine] = [...index.visible(everywhere)];
    expect(fine!.path).not.toBeNull();
    index.destroy();
  });
});
