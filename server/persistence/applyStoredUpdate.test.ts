import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../src/model/board';
import { applyStoredUpdate } from './applyStoredUpdate';

/** A board with every kind of content a stored row carries: records, nested maps, text, deletions. */
function sampleRow(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 7;
  const board = new Board(doc, 'alice12345');
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    ids.push(board.addStroke({ tool: 'pen', color: '#0a64c2', width: 4 + (i % 5), points: [i, 0, 0.5, i + 4, 3, 0.5, i + 9, 5, 0.5] }));
  }
  board.deleteItems(ids.slice(0, 10));
  const meta = doc.getMap<unknown>('session');
  meta.set('prompt', 'Draw what occurs to you when you think about open data');
  meta.set('ünïcode key', 'Zoë’s drawing 🖍️ — “open” data');
  meta.set('k'.repeat(64), 'a'.repeat(64));
  meta.set('k'.repeat(65), 'b'.repeat(200));
  meta.set('', '');
  const note = new Y.Map<unknown>();
  doc.getMap('annotations').set('note-1', note);
  note.set('author', 'alice12345');
  note.set('text', new Y.Text('Ada said: “data is a commons” — ✓'));
  return Y.encodeStateAsUpdate(doc);
}

describe('applyStoredUpdate', () => {
  it('builds the same document as Y.applyUpdate, strings and binaries alike', () => {
    const row = sampleRow();
    const stock = new Y.Doc();
    Y.applyUpdate(stock, row);
    const fast = new Y.Doc();
    applyStoredUpdate(fast, row);
    expect(Y.encodeStateAsUpdate(fast)).toEqual(Y.encodeStateAsUpdate(stock));
    expect(fast.getMap('session').toJSON()).toEqual(stock.getMap('session').toJSON());
    expect(fast.getMap('annotations').toJSON()).toEqual(stock.getMap('annotations').toJSON());
    expect(new Board(fast, 'reader0001').size).toBe(20);
  });

  it('applies several rows in order, as a room loads them', () => {
    const a = new Y.Doc();
    const rows: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => rows.push(u));
    const board = new Board(a, 'alice12345');
    const first = board.addStroke({ tool: 'pen', color: '#0a64c2', width: 6, points: [0, 0, 0.5, 4, 3, 0.5] });
    board.addStroke({ tool: 'pen', color: '#d23c3c', width: 6, points: [9, 9, 0.5, 14, 13, 0.5] });
    board.deleteItems([first]);
    const load = (apply: (doc: Y.Doc, row: Uint8Array) => void): Y.Doc => {
      const doc = new Y.Doc();
      doc.transact(() => {
        for (const row of rows) apply(doc, row);
      });
      return doc;
    };
    const fast = load(applyStoredUpdate);
    expect(Y.encodeStateAsUpdate(fast)).toEqual(Y.encodeStateAsUpdate(load((doc, row) => Y.applyUpdate(doc, row))));
    expect(fast.store.pendingStructs).toBeNull();
    expect(new Board(fast, 'reader0001').size).toBe(1);
  });

  it('fails on a cut row like Y.applyUpdate, instead of reading past its end', () => {
    const row = sampleRow();
    for (const cut of [row.length - 1, Math.floor(row.length / 2), 3]) {
      const broken = row.slice(0, cut);
      expect(() => Y.applyUpdate(new Y.Doc(), broken)).toThrow();
      expect(() => applyStoredUpdate(new Y.Doc(), broken)).toThrow();
    }
  });
});
