/** The batcher alone, on a real Awareness with fake timers: merging, removals, own ids, windows. */
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AwarenessBatcher } from './AwarenessBatcher';

interface FakePeer {
  name: string;
  got: Uint8Array[];
}

/** The room's awareness and a batcher delivering to `peers`; `owners` says who speaks for an id. */
function setup(windowMs = 33) {
  const room = new Awareness(new Y.Doc());
  room.setLocalState(null);
  const peers: FakePeer[] = [{ name: 'a', got: [] }, { name: 'b', got: [] }, { name: 'c', got: [] }];
  const owners = new Map<number, FakePeer>();
  const batcher = new AwarenessBatcher<FakePeer>(room, windowMs, {
    peers: () => peers,
    ownerOf: (id) => owners.get(id),
    send: (peer, message) => peer.got.push(message),
    run: (fn) => fn(),
  }, () => Date.now());
  room.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => batcher.note(added, updated, removed));
  return { room, peers, owners, batcher };
}

/** A client's awareness whose updates are applied to the room (as the ws layer does). */
function client(room: Awareness, id: number) {
  const doc = new Y.Doc();
  doc.clientID = id;
  const a = new Awareness(doc);
  return {
    move(x: number) {
      a.setLocalStateField('cursor', { x, y: 0 });
      applyAwarenessUpdate(room, encodeAwarenessUpdate(a, [id]), 'ws');
    },
  };
}

/** What a stock client ends up with after applying every message a peer received. */
function replay(messages: Uint8Array[]): Map<number, unknown> {
  const view = new Awareness(new Y.Doc());
  view.setLocalState(null);
  for (const m of messages) {
    const dec = decoding.createDecoder(m);
    expect(decoding.readVarUint(dec)).toBe(1);
    applyAwarenessUpdate(view, decoding.readVarUint8Array(dec), 'server');
  }
  const states = new Map(view.getStates());
  states.delete(view.clientID);
  return states;
}

describe('AwarenessBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a lone change on the next turn, then at most one message per window with the newest states', () => {
    const { room, peers } = setup();
    const one = client(room, 101), two = client(room, 102);
    one.move(1);
    expect(peers[0]!.got).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(peers[0]!.got).toHaveLength(1);
    for (let i = 2; i <= 20; i++) {
      one.move(i);
      two.move(i * 10);
      vi.advanceTimersByTime(5);
    }
    // ~95 ms of changes: the window allows 3 more messages at most.
    vi.advanceTimersByTime(100);
    const got = peers[0]!.got;
    expect(got.length).toBeLessThanOrEqual(5);
    expect(replay(got).get(101)).toMatchObject({ cursor: { x: 20 } });
    expect(replay(got).get(102)).toMatchObject({ cursor: { x: 200 } });
  });

  it('keeps a removal whose clock the room forgets at once, and a re-announcement replaces it', () => {
    const { room, peers } = setup();
    const one = client(room, 101);
    one.move(1);
    vi.advanceTimersByTime(50);
    client(room, 102).move(5);
    removeAwarenessStates(room, [101], null);
    room.meta.delete(101); // as Room.leave does
    vi.advanceTimersByTime(50);
    expect(replay(peers[1]!.got).has(101)).toBe(false);
    expect(replay(peers[1]!.got).get(102)).toMatchObject({ cursor: { x: 5 } });

    const three = client(room, 103);
    three.move(1);
    vi.advanceTimersByTime(50);
    removeAwarenessStates(room, [103], null);
    three.move(2); // back within the same window (a newer clock)
    vi.advanceTimersByTime(50);
    expect(replay(peers[1]!.got).get(103)).toMatchObject({ cursor: { x: 2 } });
  });

  it('does not echo a peer its own ids', () => {
    const { room, peers, owners } = setup();
    owners.set(101, peers[0]!);
    client(room, 101).move(1);
    vi.advanceTimersByTime(50);
    expect(peers[0]!.got).toHaveLength(0);
    expect(peers[1]!.got).toHaveLength(1);
    client(room, 102).move(1);
    client(room, 101).move(2);
    vi.advanceTimersByTime(50);
    expect([...replay(peers[0]!.got).keys()]).toEqual([102]);
  });

  it('with a window of 0 relays every update at once, to everyone (the stock behaviour)', () => {
    const { room, peers } = setup(0);
    const one = client(room, 101);
    for (let i = 0; i < 10; i++) one.move(i);
    expect(peers[0]!.got).toHaveLength(10);
    expect(peers[2]!.got).toHaveLength(10);
  });

  it('leaves no timer behind when destroyed', () => {
    const { room, batcher } = setup();
    const c = client(room, 101);
    const before = vi.getTimerCount(); // the Awareness instances' own intervals
    c.move(1);
    expect(vi.getTimerCount()).toBe(before + 1);
    batcher.destroy();
    expect(vi.getTimerCount()).toBe(before);
  });
});
