import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from './board';
import { parseClipboard, toClipboard } from './clipboard';
import { readItem } from './readItem';
import type { ImageItem } from './schema';

const HASH = 'ab'.repeat(32);
const photo = { kind: 'image', x: 10, y: 20, rotation: 0, blob: HASH, mime: 'image/jpeg', pw: 2560, ph: 1920, w: 640, h: 480 } as const;

function mapWith(fields: Record<string, unknown>): Y.Map<unknown> {
  const doc = new Y.Doc();
  const map = new Y.Map<unknown>();
  doc.getMap('items').set('imageitem1', map);
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return map;
}

describe('image items', () => {
  it('write and read back exactly, with no colour and no bytes in the document', () => {
    const board = new Board(new Y.Doc(), 'alice');
    const id = board.addItem(photo);
    expect(board.getItem(id)).toEqual({ ...photo, id, author: 'alice', index: expect.any(String) });
    const map = board.items.get(id) as Y.Map<unknown>;
    expect([...map.keys()].sort()).toEqual(['author', 'blob', 'h', 'index', 'kind', 'mime', 'ph', 'pw', 'w', 'x', 'y']);
  });

  it('are read leniently: a bad hash, type or size is skipped', () => {
    const good = { kind: 'image', author: 'a', index: 'a0', x: 0, y: 0, blob: HASH, mime: 'image/png', pw: 10, ph: 10, w: 10, h: 10 };
    expect(readItem('imageitem1', mapWith(good))).not.toBeNull();
    for (const bad of [
      { blob: 'AB'.repeat(32) },
      { blob: '../../etc/passwd' },
      { mime: 'image/svg+xml' },
      { mime: 'text/html' },
      { pw: 0 },
      { ph: 1.5 },
      { w: -4 },
      { h: 'big' },
    ]) {
      expect(readItem('imageitem1', mapWith({ ...good, ...bad }))).toBeNull();
    }
  });

  it('move, resize, reorder, delete and undo like any item; colour changes do not apply', () => {
    const board = new Board(new Y.Doc(), 'alice');
    const id = board.addItem(photo);
    board.moveItems([id], 5, 5);
    board.updateItems({ ids: [id], patch: { w: 320, h: 240, color: '#ff0000' } });
    expect(board.getItem(id)).toMatchObject({ x: 15, y: 25, w: 320, h: 240 });
    expect((board.items.get(id) as Y.Map<unknown>).has('color')).toBe(false);
    board.undo();
    expect(board.getItem(id)).toMatchObject({ w: 640, h: 480 });
    board.deleteItems([id]);
    expect(board.getItem(id)).toBeUndefined();
    board.undo();
    expect(board.getItem(id)).toMatchObject({ blob: HASH });
  });

  it('copy and paste through the clipboard JSON', () => {
    const board = new Board(new Y.Doc(), 'alice');
    const id = board.addItem(photo);
    const pasted = parseClipboard(JSON.stringify(toClipboard([board.getItem(id)!])));
    expect(pasted).toHaveLength(1);
    expect(pasted![0]).toMatchObject({ kind: 'image', blob: HASH, w: 640, h: 480 });
    const [copy] = board.duplicateItems(pasted!, 20, 20);
    expect((board.getItem(copy!) as ImageItem).blob).toBe(HASH);
  });
});
