import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from './board';
import { parseClipboard, toClipboard } from './clipboard';
import type { ShapeItem, StickyItem, TextItem } from './schema';

/** Two peers whose updates are exchanged only when `flush` is called (to make edits concurrent). */
function pair(): { a: Board; b: Board; flush: () => void } {
  const docA = new Y.Doc(), docB = new Y.Doc();
  const a = new Board(docA, 'alice'), b = new Board(docB, 'bob');
  const flush = (): void => {
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)));
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)));
  };
  return { a, b, flush };
}

const rect = { kind: 'shape', shape: 'rect', x: 10, y: 20, w: 100, h: 50, rotation: 0, color: '#1f2328', width: 3, fill: 'none' } as const;
const sticky = { kind: 'sticky', x: 0, y: 0, w: 200, h: 200, rotation: 0, color: '#ffe27a', text: 'Open data' } as const;
const text = { kind: 'text', x: 0, y: 0, rotation: 0, color: '#1f2328', text: 'Hello', size: 'm', w: 0 } as const;

describe('board commands', () => {
  it('adds shapes, text and stickies that read back exactly', () => {
    const board = new Board(new Y.Doc(), 'alice');
    const [r, s, t] = board.addItems([rect, sticky, text]);
    expect(board.getItem(r!)).toMatchObject({ ...rect, author: 'alice' });
    expect(board.getItem(s!)).toMatchObject({ ...sticky, author: 'alice' });
    expect(board.getItem(t!)).toMatchObject({ ...text, author: 'alice' });
    expect(board.allItems().map((i) => i.id)).toEqual([r, s, t]);
  });

  it('merges concurrent move and recolour of one item, and edits of different items', () => {
    const { a, b, flush } = pair();
    const [id, other] = a.addItems([rect, { ...rect, x: 500 }]);
    flush();
    a.moveItems([id!], 30, 40);
    b.updateItems({ ids: [id!], patch: { color: '#c8312f', fill: 'semi' } });
    b.updateItems({ ids: [other!], patch: { w: 300 } });
    flush();
    for (const board of [a, b]) {
      expect(board.getItem(id!)).toMatchObject({ x: 40, y: 60, color: '#c8312f', fill: 'semi' });
      expect((board.getItem(other!) as ShapeItem).w).toBe(300);
    }
  });

  it('merges two people typing in one sticky character by character', () => {
    const { a, b, flush } = pair();
    const id = a.addItem(sticky);
    flush();
    a.setText(id, 'Open data is useful');
    b.setText(id, 'Really, Open data');
    flush();
    const merged = (a.getItem(id) as StickyItem).text;
    expect(merged).toBe((b.getItem(id) as StickyItem).text);
    expect(merged).toContain('Really, ');
    expect(merged).toContain(' is useful');
  });

  it('reorders within the stack', () => {
    const board = new Board(new Y.Doc(), 'alice');
    const [x, y, z] = board.addItems([rect, rect, rect]);
    board.reorderItems([x!], 'front');
    expect(board.allItems().map((i) => i.id)).toEqual([y, z, x]);
    board.reorderItems([x!], 'backward');
    expect(board.allItems().map((i) => i.id)).toEqual([y, x, z]);
    board.reorderItems([z!], 'back');
    expect(board.allItems().map((i) => i.id)).toEqual([z, y, x]);
    board.reorderItems([z!], 'forward');
    expect(board.allItems().map((i) => i.id)).toEqual([y, z, x]);
  });

  it('duplicates as my own items with new ids', () => {
    const { a, b, flush } = pair();
    const id = a.addItem(text);
    flush();
    const [copy] = b.duplicateItems([b.getItem(id)!], 20, 20);
    expect(b.getItem(copy!)).toMatchObject({ author: 'bob', x: 20, y: 20, text: 'Hello' });
  });

  it('copies and pastes through JSON, validating everything', () => {
    const board = new Board(new Y.Doc(), 'alice');
    board.addItems([rect, sticky, text]);
    board.addStroke({ tool: 'pen', color: '#0a64c2', width: 6, points: [0, 0, 0.5, 10, 5, 0.5, 20, 15, 0.5] });
    const json = JSON.stringify(toClipboard(board.allItems()));
    const pasted = parseClipboard(json)!;
    expect(pasted.map((i) => i.kind)).toEqual(['shape', 'sticky', 'text', 'stroke']);
    const other = new Board(new Y.Doc(), 'bob');
    const ids = other.duplicateItems(pasted, 0, 0);
    expect(other.allItems().map((i) => ({ ...i, id: '', index: '', author: '' }))).toEqual(
      board.allItems().map((i) => ({ ...i, id: '', index: '', author: '' })),
    );
    expect(ids).toHaveLength(4);
    expect(parseClipboard('{"type":"sketchroom/items","items":[{"kind":"shape","color":"red"}, 5, null]}')).toEqual([]);
    expect(parseClipboard('not json')).toBeNull();
    expect((parseClipboard(json)![2] as TextItem).text).toBe('Hello');
  });
});

describe('undo and redo', () => {
  it('undoes a whole gesture at a time, and only my own changes', () => {
    const { a, b, flush } = pair();
    const mine = a.addItem(rect);
    const theirs = b.addItem({ ...rect, x: 300 });
    flush();
    // A drag: many moves, one step.
    a.history.beginStep();
    for (let i = 0; i < 10; i++) a.moveItems([mine], 1, 1);
    a.history.endStep();
    expect(a.getItem(mine)).toMatchObject({ x: 20, y: 30 });
    a.undo();
    expect(a.getItem(mine)).toMatchObject({ x: 10, y: 20 });
    a.undo();
    expect(a.getItem(mine)).toBeUndefined();
    expect(a.getItem(theirs)).toBeDefined();
    expect(a.undo()).toBe(false); // nothing of mine left: Bob's rectangle is not mine to undo
    a.redo();
    flush();
    expect(b.getItem(mine)).toMatchObject({ x: 10, y: 20 });
    expect(b.getItem(theirs)).toBeDefined();
  });

  it('keeps two quick separate commands as two steps', () => {
    const board = new Board(new Y.Doc(), 'alice');
    const one = board.addItem(rect);
    const two = board.addItem(rect);
    board.undo();
    expect(board.getItem(two)).toBeUndefined();
    expect(board.getItem(one)).toBeDefined();
  });
});

describe('history.cancelStep', () => {
  it('reverts the open step without an undo or redo entry, keeping earlier steps and others’ edits', () => {
    const { a, b, flush } = pair();
    const [id] = a.addItems([rect]);
    flush();
    a.history.beginStep();
    a.moveItems([id!], 10, 0);
    a.moveItems([id!], 20, 0);
    b.updateItems({ ids: [id!], patch: { color: '#c8312f' } });
    flush();
    a.history.cancelStep();
    expect(a.history.inStep).toBe(false);
    expect(a.getItem(id!)).toMatchObject({ x: 10, color: '#c8312f' });
    expect(a.history.canRedo).toBe(false);
    expect(a.undo()).toBe(true); // the add, not the cancelled move
    expect(a.getItem(id!)).toBeUndefined();
  });

  it('does nothing to earlier steps when the cancelled step changed nothing', () => {
    const board = new Board(new Y.Doc(), 'alice');
    const [id] = board.addItems([rect]);
    board.history.beginStep();
    board.history.cancelStep();
    expect(board.getItem(id!)).toBeDefined();
    expect(board.history.canUndo).toBe(true);
  });
});
