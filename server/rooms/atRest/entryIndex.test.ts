import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DeletedRanges } from './deletedRanges';
import { EntryIndex, keyHash } from './entryIndex';
import { RowArena } from './rowArena';

const id = (client: number, clock: number) => ({ client, clock });

describe('EntryIndex', () => {
  it('answers keys, ids and authors of live entries, and forgets erased ones', () => {
    const index = EntryIndex.of([
      { key: 'b', id: id(7, 3), author: 'ada' },
      { key: 'a', id: id(7, 1), author: 'ada' },
      { key: 'c', id: id(9, 0), author: null },
    ]);
    expect(index.size).toBe(3);
    expect(index.mayHaveKey('a')).toBe(true);
    expect(index.mayHaveKey('zz')).toBe(false);
    expect(index.authorOf(id(7, 3))).toBe('ada');
    expect(index.authorOf(id(9, 0))).toBeNull();
    expect(index.authorOf(id(7, 2))).toBeUndefined();
    expect(index.remove(id(7, 1))).toBe(true);
    expect(index.remove(id(7, 1))).toBe(false);
    expect(index.has(id(7, 1))).toBe(false);
    expect(index.mayHaveKey('a')).toBe(false);
    expect(index.size).toBe(2);
  });

  it('keeps a shared hash taken until every entry with it is gone', () => {
    const index = new EntryIndex();
    index.add('same', id(1, 0), 'x');
    index.add('same', id(1, 1), 'x');
    index.remove(id(1, 0));
    expect(index.mayHaveKey('same')).toBe(true);
    index.remove(id(1, 1));
    expect(index.mayHaveKey('same')).toBe(false);
  });

  it('keeps clock order whatever the order of adds, ignores a repeated id, and stays compact through many erasures', () => {
    const index = new EntryIndex();
    index.add('k0', id(1, 5), 'x');
    index.add('k0', id(1, 5), 'x');
    expect(index.size).toBe(1);
    index.add('early', id(1, 2), 'y');
    expect(index.authorOf(id(1, 2))).toBe('y');
    expect(index.authorOf(id(1, 5))).toBe('x');
    index.remove(id(1, 2));
    for (let i = 6; i < 2006; i++) index.add(`k${i}`, id(1, i), 'x');
    for (let i = 5; i < 2000; i++) index.remove(id(1, i));
    expect(index.size).toBe(6);
    for (let i = 2000; i < 2006; i++) expect(index.authorOf(id(1, i))).toBe('x');
  });

  it('hashes to small integers', () => {
    for (const key of ['', 'a', 'RH4Hh2YIjOxdhVnT', 'ü'.repeat(40)]) {
      const h = keyHash(key);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 30);
    }
  });
});

describe('DeletedRanges', () => {
  const undeleted = (r: DeletedRanges, client: number, clock: number, length: number): number[] => {
    const out: number[] = [];
    r.forEachUndeleted(client, clock, length, (c) => out.push(c));
    return out;
  };

  it('merges touching and overlapping ranges and visits only what is not deleted', () => {
    const r = new DeletedRanges();
    r.add(1, 2, 2); // 2,3
    r.add(1, 6, 1); // 6
    r.add(1, 4, 1); // touches: 2..4
    expect(r.rangeCount).toBe(2);
    expect(undeleted(r, 1, 0, 8)).toEqual([0, 1, 5, 7]);
    r.add(1, 3, 4); // 2..6 all one
    expect(r.rangeCount).toBe(1);
    expect(undeleted(r, 1, 0, 8)).toEqual([0, 1, 7]);
    expect(undeleted(r, 2, 0, 2)).toEqual([0, 1]);
  });

  it('reads a document delete set', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<number>('items');
    for (let i = 0; i < 5; i++) map.set(`k${i}`, i);
    map.delete('k1');
    map.delete('k2');
    const r = DeletedRanges.ofDoc(doc);
    expect(undeleted(r, doc.clientID, 0, 5)).toEqual([0, 3, 4]);
  });
});

describe('RowArena', () => {
  it('keeps rows end to end, as copies, in order', () => {
    const arena = new RowArena();
    const source = new Uint8Array([1, 2, 3, 4, 5]);
    arena.append(source.subarray(0, 2));
    for (let i = 0; i < 3000; i++) arena.append(new Uint8Array([i & 0xff, 7]));
    source[0] = 99;
    const rows = arena.rows();
    expect(rows).toHaveLength(3001);
    expect([...rows[0]!]).toEqual([1, 2]);
    expect([...rows[3000]!]).toEqual([2999 & 0xff, 7]);
    expect(arena.bytes).toBe(2 + 3000 * 2);
    arena.clear();
    expect(arena.rows()).toEqual([]);
  });
});
