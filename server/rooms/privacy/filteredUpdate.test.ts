import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { captureBoundary, decodeBoundary, encodeBoundary } from './boundary';
import { mergeRanges, subtractRanges } from './ranges';
import { cappedStateVector, deleteRangesOf, encodeFilteredUpdate, stateOf } from './filteredUpdate';

function docOf(client: number): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.clientID = client;
  return doc;
}

function copy(from: Y.Doc, update = Y.encodeStateAsUpdate(from)): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

describe('encodeFilteredUpdate', () => {
  it('cuts a client at its cap, shortening a struct that spans it, and the rest completes it', () => {
    const room = docOf(1);
    const text = room.getText('t');
    text.insert(0, 'abc');
    const boundary = captureBoundary(room);
    // Typed on: Yjs merges "def" into the "abc" struct, which now spans the boundary.
    text.insert(3, 'def');
    const other = docOf(2);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(room));
    other.getMap('m').set('k', 'visible');
    Y.applyUpdate(room, Y.encodeStateAsUpdate(other));
    expect(room.store.clients.get(1)!.length).toBe(1);

    const caps = new Map([[1, boundary.sv.get(1)!]]);
    const seen = copy(room, encodeFilteredUpdate(room, new Map(), caps, deleteRangesOf(room)));
    expect(seen.getText('t').toString()).toBe('abc');
    expect(seen.getMap('m').get('k')).toBe('visible');
    expect(seen.store.pendingStructs).toBeNull();
    expect(Y.decodeStateVector(cappedStateVector(room, caps))).toEqual(Y.decodeStateVector(Y.encodeStateVector(seen)));

    Y.applyUpdate(seen, Y.encodeStateAsUpdate(room, Y.encodeStateVector(seen)));
    expect(seen.getText('t').toString()).toBe('abcdef');
  });

  it('answers a state vector from its clock on, and writes the given deletions only', () => {
    const room = docOf(1);
    const list = room.getArray<number>('a');
    list.push([1, 2, 3]);
    const boundary = captureBoundary(room);
    const deletedThen = deleteRangesOf(room);
    const peer = copy(room);
    list.delete(0, 1);
    list.push([4]);
    const caps = new Map([[1, boundary.sv.get(1)!]]);
    // Caught up to the boundary already: nothing of client 1 to send, and its deletion withheld.
    const update = encodeFilteredUpdate(room, stateOf(peer), caps, deletedThen);
    Y.applyUpdate(peer, update);
    expect(peer.getArray('a').toArray()).toEqual([1, 2, 3]);
    // A peer that had nothing gets the boundary state.
    const fresh = copy(room, encodeFilteredUpdate(room, new Map(), caps, deletedThen));
    expect(fresh.getArray('a').toArray()).toEqual([1, 2, 3]);
    // Unfiltered with the full deletions: the room's state.
    const all = copy(room, encodeFilteredUpdate(room, new Map(), new Map(), deleteRangesOf(room)));
    expect(all.getArray('a').toArray()).toEqual([2, 3, 4]);
  });

  it('stores a boundary and reads it back; a damaged one reads as none', () => {
    const room = docOf(5);
    room.getArray<number>('a').push([1, 2, 3]);
    room.getArray<number>('a').delete(1, 1);
    const b = captureBoundary(room);
    b.withheld.set('ann', new Map([[5, [{ clock: 1, len: 1 }]]]));
    const back = decodeBoundary(encodeBoundary(b));
    expect(back).toEqual(b);
    expect(decodeBoundary(new Uint8Array([9, 9]))).toBeNull();
    expect(decodeBoundary(encodeBoundary(b).slice(0, 3))).toBeNull();
  });
});

describe('mergeRanges', () => {
  it('unites overlapping and touching ranges, in order', () => {
    expect(mergeRanges([{ clock: 5, len: 2 }, { clock: 0, len: 1 }], [{ clock: 1, len: 1 }, { clock: 6, len: 4 }, { clock: 20, len: 1 }])).toEqual([
      { clock: 0, len: 2 },
      { clock: 5, len: 5 },
      { clock: 20, len: 1 },
    ]);
  });
});

describe('subtractRanges', () => {
  it('cuts ranges out, splitting where needed', () => {
    const r = (clock: number, len: number) => ({ clock, len });
    expect(subtractRanges([r(0, 10), r(20, 5)], [r(2, 2), r(8, 14), r(24, 3)])).toEqual([r(0, 2), r(4, 4), r(22, 2)]);
    expect(subtractRanges([r(0, 3)], [])).toEqual([r(0, 3)]);
    expect(subtractRanges([r(5, 3)], [r(0, 100)])).toEqual([]);
  });
});
