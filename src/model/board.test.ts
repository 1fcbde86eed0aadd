import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, initBoardDoc, type ItemsChange } from './board';
import { decodePoints } from './strokeCodec';

function connect(a: Y.Doc, b: Y.Doc): void {
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, u, a));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, u, b));
}

const line = (x0: number, y0: number, n = 20): number[] =>
  Array.from({ length: n }, (_, i) => [x0 + i * 3.3, y0 + Math.sin(i / 3) * 5, 0.5]).flat();

describe('Board', () => {
  it('commits a stroke as one item with relative, compact points', () => {
    const board = new Board(new Y.Doc(), 'alice12345');
    const id = board.addStroke({ tool: 'pen', color: '#1f6feb', width: 4, points: line(100.26, 50.5) });
    const item = board.getItem(id)!;
    expect(item).toMatchObject({ kind: 'stroke', author: 'alice12345', x: 100, y: 51, color: '#1f6feb', width: 4 });
    if (item.kind !== 'stroke') throw new Error('not a stroke');
    const pts = decodePoints(item.points);
    expect(pts[0]! + item.x).toBeCloseTo(100.26, 1);
    expect(pts[1]! + item.y).toBeCloseTo(50.5, 1);
  });

  it('orders items bottom to top by fractional index', () => {
    const board = new Board(new Y.Doc(), 'a');
    const ids = [1, 2, 3].map((i) => board.addStroke({ tool: 'pen', color: '#000000', width: 2, points: line(i, i) }));
    expect(board.allItems().map((i) => i.id)).toEqual(ids);
  });

  it('converges between two peers and reports remote changes', () => {
    const docA = new Y.Doc(), docB = new Y.Doc();
    connect(docA, docB);
    const a = new Board(docA, 'alice'), b = new Board(docB, 'bob');
    const seen: ItemsChange[] = [];
    b.subscribe((c) => seen.push(c));
    const ida = a.addStroke({ tool: 'pen', color: '#000000', width: 2, points: line(0, 0) });
    const idb = b.addStroke({ tool: 'highlighter', color: '#ffcc00', width: 16, points: line(5, 5) });
    expect(a.allItems().map((i) => i.id).sort()).toEqual([ida, idb].sort());
    expect(b.allItems().map((i) => i.id).sort()).toEqual([ida, idb].sort());
    expect(seen[0]).toMatchObject({ local: false });
    expect([...seen[0]!.upserted]).toEqual([ida]);
    a.deleteItems([idb]);
    expect(b.getItem(idb)).toBeUndefined();
    expect([...seen.at(-1)!.removed]).toEqual([idb]);
  });

  it('skips items that do not validate instead of breaking', () => {
    const doc = new Y.Doc();
    const board = new Board(doc, 'a');
    const bad = new Y.Map<unknown>();
    doc.transact(() => {
      doc.getMap('items').set('badbadbad1', bad);
      bad.set('kind', 'stroke');
      bad.set('color', 'javascript:alert(1)');
    });
    doc.getMap('items').set('<script>', new Y.Map());
    expect(board.size).toBe(0);
    const id = board.addStroke({ tool: 'pen', color: '#000000', width: 2, points: line(0, 0) });
    expect(board.allItems().map((i) => i.id)).toEqual([id]);
  });

  it('reads the meta written at creation', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Open data', prompt: 'Draw what occurs to you', createdAt: 1 });
    expect(new Board(doc, 'a').getMeta()).toEqual({ schema: 1, title: 'Open data', prompt: 'Draw what occurs to you', createdAt: 1 });
  });
});
