import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from './board';
import { discardWork, itemsUnknownTo, readEpoch, unsentWork } from './epoch';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [10, 10, 0.5, 20, 25, 0.5] };

describe('epoch', () => {
  it('reads leniently: absent or malformed is 0', () => {
    const doc = new Y.Doc();
    expect(readEpoch(doc)).toBe(0);
    doc.getMap('session').set('epoch', 'x');
    expect(readEpoch(doc)).toBe(0);
    doc.getMap('session').set('epoch', 3);
    expect(readEpoch(doc)).toBe(3);
  });

  it('finds my items the other side has not seen, and discards them outside undo', () => {
    const server = new Y.Doc();
    const mine = new Y.Doc();
    const other = new Board(server, 'bo');
    other.addStroke(stroke);
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(server));
    const me = new Board(mine, 'ada');
    const seen = me.addStroke(stroke);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(mine));
    const offline = me.addStroke(stroke);
    const sv = Y.decodeStateVector(Y.encodeStateVector(server));
    expect(itemsUnknownTo(mine, sv, 'ada')).toEqual([offline]);
    expect(itemsUnknownTo(mine, sv, 'bo')).toEqual([]);
    // A note made offline counts too (a clear removes notes as well); someone else's does not.
    const note = new Y.Map<unknown>();
    note.set('author', 'ada');
    mine.getMap('annotations').set('note-ada-1', note);
    const work = unsentWork(mine, sv, 'ada');
    expect(work.get('items')).toEqual([offline]);
    expect(work.get('annotations')).toEqual(['note-ada-1']);
    expect(discardWork(mine, work)).toBe(2);
    expect(mine.getMap('annotations').has('note-ada-1')).toBe(false);
    expect(me.getItem(offline)).toBeUndefined();
    expect(me.getItem(seen)).toBeDefined();
    expect(me.undo()).toBe(true); // undoes the offline stroke's creation, not the discard
    expect(me.getItem(offline)).toBeUndefined();
  });
});
