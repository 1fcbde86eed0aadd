import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Identity } from '../auth/AuthService';
import type { DocStore } from '../persistence/types';
import { Room, type Peer } from './Room';

function storeWith(rows: Uint8Array[]): DocStore {
  return {
    load: () => ({ updates: rows, clientOwners: new Map() }),
    append: () => ({ done: Promise.resolve(), durable: true }),
    flush: () => {},
    onCommit: () => () => {},
    rowCount: () => rows.length,
    compact: () => ({ merged: 0 }),
    close: () => {},
  };
}

function peer(): Peer & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return { identity: { participantId: 'p' } as Identity, wantsLive: false, sent, send: (m) => sent.push(m), close: () => {} };
}

/** The update inside a sync step 2 message. */
function step2Update(message: Uint8Array): Uint8Array {
  const dec = decoding.createDecoder(message);
  expect(decoding.readVarUint(dec)).toBe(0);
  expect(decoding.readVarUint(dec)).toBe(1);
  return decoding.readVarUint8Array(dec);
}

function sourceDoc(): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  doc.clientID = 7;
  const items = doc.getMap<unknown>('items');
  for (let i = 0; i < 20; i++) items.set(`s${i}`, new Uint8Array([i, 1, 2, 3]));
  items.delete('s3');
  doc.getMap('session').set('locked', false);
  return doc;
}

const hooks = { onEmpty: () => {}, onFailure: () => {}, onAppend: () => {} };

describe('cold join from a single stored row', () => {
  it('answers the first joiner before loading, with exactly the loaded document state', async () => {
    const src = sourceDoc();
    const room = new Room('b', storeWith([Y.encodeStateAsUpdate(src)]), hooks);
    const p = peer();
    room.join(p);
    expect(room.loaded).toBe(false);
    room.answerSyncStep1(p, Y.encodeStateVector(new Y.Doc()));
    expect(p.sent).toHaveLength(1);
    expect(room.loaded).toBe(false);
    await new Promise((r) => setImmediate(r));
    // Read for its index and at rest again at once, keeping the row inside the answer: one copy
    // of the board, not two.
    expect(room.resting).toBe(true);
    expect(room.encodedState()!.buffer).toBe(p.sent[0]!.buffer);
    const joiner = new Y.Doc();
    Y.applyUpdate(joiner, step2Update(p.sent[0]!));
    expect(Y.encodeStateVector(joiner)).toEqual(Y.encodeStateVector(room.doc));
    expect(joiner.getMap('items').toJSON()).toEqual(room.doc.getMap('items').toJSON());
    expect(joiner.getMap('session').toJSON()).toEqual(room.doc.getMap('session').toJSON());
    // The next fresh joiner gets the same answer without an encode.
    expect(room.syncStep2(Y.encodeStateVector(new Y.Doc()))).toBe(p.sent[0]);
    // Loaded (reading doc above), its contents live in that answer too.
    expect((room.doc.getMap('items').get('s0') as Uint8Array).buffer).toBe(p.sent[0]!.buffer);
    room.destroy();
  });

  it('answers a joiner with state of its own with the diff, the same as the loaded document would', () => {
    const src = sourceDoc();
    const partial = new Y.Doc();
    Y.applyUpdate(partial, Y.encodeStateAsUpdate(src));
    src.getMap<unknown>('items').set('late', new Uint8Array([9]));
    const room = new Room('b', storeWith([Y.encodeStateAsUpdate(src)]), hooks);
    const p = peer();
    room.join(p);
    room.answerSyncStep1(p, Y.encodeStateVector(partial));
    Y.applyUpdate(partial, step2Update(p.sent[0]!));
    expect(partial.getMap('items').toJSON()).toEqual(room.doc.getMap('items').toJSON());
    expect(Y.encodeStateVector(partial)).toEqual(Y.encodeStateVector(room.doc));
    room.destroy();
  });

  it('reads a board stored as several rows first and answers from its collected state (no deleted content)', () => {
    const src = sourceDoc();
    const first = Y.encodeStateAsUpdate(src);
    const sv = Y.encodeStateVector(src);
    src.getMap<unknown>('items').delete('s4');
    const rows = [first, Y.encodeStateAsUpdate(src, sv)];
    const room = new Room('b', storeWith(rows), hooks);
    const p = peer();
    room.join(p);
    room.answerSyncStep1(p, Y.encodeStateVector(new Y.Doc()));
    expect(room.resting).toBe(true);
    const answer = step2Update(p.sent[0]!);
    // Collected: the deleted stroke is a tombstone, its record is not in the answer.
    expect(Y.decodeUpdate(answer).structs.some((s) => s instanceof Y.Item && s.content instanceof Y.ContentBinary && s.parentSub === 's4')).toBe(false);
    const joiner = new Y.Doc();
    Y.applyUpdate(joiner, answer);
    expect(joiner.getMap('items').has('s4')).toBe(false);
    expect(joiner.getMap('items').toJSON()).toEqual(room.doc.getMap('items').toJSON());
    room.destroy();
  });

  it('a burst of joiners on a cold room reads the board once', async () => {
    const room = new Room('b', storeWith([Y.encodeStateAsUpdate(sourceDoc())]), hooks);
    for (let i = 0; i < 5; i++) {
      const p = peer();
      room.join(p);
      room.answerSyncStep1(p, Y.encodeStateVector(new Y.Doc()));
    }
    await new Promise((r) => setImmediate(r));
    expect(room.stats()).toMatchObject({ document: 'resting', loads: 1, entries: 19 });
    room.destroy();
  });

  it('reading the document applies the stored rows', () => {
    const room = new Room('b', storeWith([Y.encodeStateAsUpdate(sourceDoc())]), hooks);
    expect(room.loaded).toBe(false);
    expect(room.doc.getMap('items').size).toBe(19);
    expect(room.loaded).toBe(true);
    room.destroy();
  });
});
