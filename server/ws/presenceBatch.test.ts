/**
 * Presence batching through the real server (issue 8): 50 people moving their cursors at 30 Hz for
 * a second cost each of them at most one awareness message per 33 ms, and everyone ends with
 * everyone's latest cursor; a stock y-websocket provider in the room reads the batches as usual,
 * and a departure still reaches everybody.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RunningServer } from '../index';
import { connect, createBoard, joinBoard, raw, startTestServer, synced, waitFor, type CreatedBoard, type RawClient } from '../testing/helpers';

const PEOPLE = 50;
const HZ = 30;
const MOVE_MS = 1000;
const WINDOW_MS = 33;

interface Person {
  sock: RawClient;
  me: Awareness;
  /** What this person's screen knows of the others (a stock client would apply the same). */
  view: Awareness;
  /** Arrival times of awareness messages. */
  arrivals: number[];
}

function awarenessFrame(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 1);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

function syncStep1(): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint8Array(enc, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(enc);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('presence batching', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  const people: Person[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
    for (let i = 0; i < PEOPLE; i++) {
      const { token } = await joinBoard(server.url, board.id, `P${i}`);
      const sock = raw(server.url, board.id, token);
      const me = new Awareness(new Y.Doc());
      const view = new Awareness(new Y.Doc());
      view.setLocalState(null);
      const person: Person = { sock, me, view, arrivals: [] };
      sock.ws.on('message', (data: Buffer) => {
        const dec = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(dec) !== 1) return;
        person.arrivals.push(performance.now());
        applyAwarenessUpdate(view, decoding.readVarUint8Array(dec), 'server');
      });
      people.push(person);
      await sock.opened;
      sock.send(syncStep1());
      me.setLocalState({ user: { name: `P${i}` }, cursor: { x: 0, y: i }, drawing: false });
      sock.send(awarenessFrame(encodeAwarenessUpdate(me, [me.clientID])));
    }
    await waitFor(() => people.every((p) => p.view.getStates().size === PEOPLE - 1), 'everyone sees everyone else');
  }, 60_000);

  afterAll(async () => {
    for (const p of people) {
      p.sock.ws.close();
      p.me.destroy();
      p.view.destroy();
    }
    await server.close();
  });

  it(`${PEOPLE} cursors at ${HZ} Hz for 1 s: at most one message per ${WINDOW_MS} ms per recipient, everyone's latest state arrives`, async () => {
    await sleep(100); // the joining batches are out
    for (const p of people) p.arrivals.length = 0;
    const t0 = performance.now();
    let tick = 0;
    while (performance.now() - t0 < MOVE_MS) {
      tick++;
      for (const p of people) {
        p.me.setLocalStateField('cursor', { x: tick, y: p.me.clientID % 1000 });
        p.sock.send(awarenessFrame(encodeAwarenessUpdate(p.me, [p.me.clientID])));
      }
      await sleep(1000 / HZ);
    }
    const last = tick;
    const latest = (p: Person, other: Person) => (p.view.getStates().get(other.me.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x;
    await waitFor(() => people.every((p) => people.every((o) => o === p || latest(p, o) === last)), "everyone's last cursor everywhere");
    await sleep(100);

    const counts = people.map((p) => p.arrivals.length);
    const span = Math.max(...people.map((p) => p.arrivals.at(-1)! - t0));
    // The server sends one message per window at most: within `span` ms at most span/33 + 1
    // (the first goes out at once). Relaying every update would be ~49 x 20 per second.
    const bound = Math.floor(span / WINDOW_MS) + 1;
    console.info(`presence batching: ${tick} moves each; per recipient ${Math.min(...counts)}-${Math.max(...counts)} messages in ${span.toFixed(0)} ms (bound ${bound})`);
    for (const n of counts) expect(n).toBeLessThanOrEqual(bound);
    // About one second of moving: ~31 messages, not hundreds.
    expect(Math.max(...counts)).toBeLessThan(2 * (MOVE_MS / WINDOW_MS));
    // Nobody is sent their own state back.
    for (const p of people) expect(p.view.getStates().has(p.me.clientID)).toBe(false);
  }, 60_000);

  it('a stock provider reads the batches, and a departure reaches everyone', async () => {
    const { token } = await joinBoard(server.url, board.id, 'Stock');
    const stock = connect(server.url, board.id, token);
    stock.provider.awareness.setLocalStateField('user', { name: 'Stock' });
    await synced(stock);
    await waitFor(() => stock.provider.awareness.getStates().size === PEOPLE + 1, 'stock provider sees everyone');
    await waitFor(() => people.every((p) => p.view.getStates().has(stock.doc.clientID)), 'everyone sees the stock provider');

    const leaver = people.pop()!;
    leaver.sock.ws.close();
    await leaver.sock.closed;
    await waitFor(() => !stock.provider.awareness.getStates().has(leaver.me.clientID), 'removal reaches the stock provider');
    await waitFor(() => people.every((p) => !p.view.getStates().has(leaver.me.clientID)), 'removal reaches everyone');
    leaver.me.destroy();
    leaver.view.destroy();
    stock.close();
  }, 30_000);
});
