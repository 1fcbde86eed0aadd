import { beforeAll, describe, expect, it } from 'vitest';
import type { Board, ItemsChange } from '../model/board';
import type { StrokeItem } from '../model/schema';
import { encodePoints } from '../model/strokeCodec';
import { InkIndex } from './inkIndex';

// Node has no Path2D; the index only needs something to build and hand back.
class FakePath2D {
  moveTo(): void {}
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
    expect(again.item.color).toBe('#c8312f');
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
