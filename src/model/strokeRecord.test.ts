import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from './board';
import { encodePoints } from './strokeCodec';
import { decodeStrokeRecord, encodeStrokeRecord, strokeRecordAuthor, type StrokeFields } from './strokeRecord';

const base: StrokeFields = {
  author: 'alice12345', index: 'a0', x: 120.5, y: -40, rotation: 0, tool: 'pen', color: '#0a64c2', width: 6,
  scaleX: 1, scaleY: 1, points: encodePoints([0, 0, 0.5, 4, 3, 0.5, 9, 5, 0.5]),
};

describe('stroke record', () => {
  it('round-trips every field', () => {
    for (const s of [base, { ...base, tool: 'highlighter' as const, rotation: -33.25, scaleX: 1.5, scaleY: -0.25, width: 24 }]) {
      expect(decodeStrokeRecord(encodeStrokeRecord(s))).toEqual(s);
    }
    expect(strokeRecordAuthor(encodeStrokeRecord(base))).toBe('alice12345');
  });

  it('refuses malformed or out-of-range records', () => {
    const good = encodeStrokeRecord(base);
    expect(() => decodeStrokeRecord(good.subarray(0, 10))).toThrow();
    expect(() => decodeStrokeRecord(new Uint8Array([2, 0]))).toThrow();
    expect(() => decodeStrokeRecord(encodeStrokeRecord({ ...base, width: 500 }))).toThrow();
    expect(() => decodeStrokeRecord(encodeStrokeRecord({ ...base, points: new Uint8Array() }))).toThrow();
  });

  it('costs one Yjs struct per stroke', () => {
    const doc = new Y.Doc();
    const board = new Board(doc, 'alice12345');
    board.addStroke({ tool: 'pen', color: '#0a64c2', width: 6, points: [0, 0, 0.5, 4, 3, 0.5, 9, 5, 0.5] });
    const structs = Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs;
    expect(structs).toHaveLength(1);
  });

  it('moves and recolours by writing a new record, readable by every peer', () => {
    const a = new Y.Doc(), b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    const board = new Board(a, 'alice12345');
    const id = board.addStroke({ tool: 'pen', color: '#0a64c2', width: 6, points: [0, 0, 0.5, 4, 3, 0.5] });
    board.moveItems([id], 10, 5);
    board.updateItems({ ids: [id], patch: { color: '#c8312f' } });
    expect(new Board(b, 'bob').getItem(id)).toMatchObject({ x: 10, y: 5, color: '#c8312f', author: 'alice12345' });
  });
});
