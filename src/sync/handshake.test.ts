/**
 * The handshake against the real server with real providers: offline work reaches the others when
 * the device reconnects, unless the board was cleared meanwhile (the epoch rule), in which case it
 * never appears on anyone's screen. Commit confirmations then report everything saved.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connect, createBoard, joinBoard, startTestServer, synced, waitFor, wsBase, type Client } from '../../server/testing/helpers';
import type { RunningServer } from '../../server/index';
import { Board } from '../model/board';
import { readEpoch } from '../model/epoch';
import { readConfirm } from '../protocol/confirm';
import { Capability, MessageType } from '../protocol/messages';
import { Handshake } from './handshake';
import { SaveTracker } from './saveTracker';
import { socketClass } from './socket';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [10, 10, 0.5, 20, 25, 0.5, 30, 12, 0.5] };

/** What "Clear board" does (built elsewhere): every item gone and the epoch up, in one transaction. */
function clearBoard(doc: Y.Doc): void {
  doc.transact(() => {
    const items = doc.getMap('items');
    for (const id of [...items.keys()]) items.delete(id);
    doc.getMap('session').set('epoch', readEpoch(doc) + 1);
  });
}

interface Device {
  board: Board;
  provider: WebsocketProvider;
  tracker: SaveTracker;
  discarded: number;
}

/** A provider wired like BoardConnection: handshake, counting socket, confirmations. */
function device(url: string, boardId: string, token: string, author: string): Device {
  const doc = new Y.Doc();
  const d = { board: new Board(doc, author), discarded: 0 } as Device;
  const tracker = new SaveTracker(() => {});
  const handshake = new Handshake(doc, author, (n) => (d.discarded += n));
  doc.on('update', (_u: Uint8Array, from: unknown) => {
    if (from !== d.provider) tracker.localChange();
  });
  const Socket = socketClass(
    { created: () => (tracker.socketChanged(), handshake.start()), holding: () => handshake.holding, updateSent: () => tracker.updateSent() },
    WebSocket as unknown as typeof globalThis.WebSocket,
  );
  d.provider = new WebsocketProvider(wsBase(url), boardId, doc, {
    WebSocketPolyfill: Socket,
    params: { token, caps: `${Capability.Live},${Capability.Confirm}` },
    disableBc: true,
  });
  d.provider.messageHandlers[MessageType.Sync] = handshake.wrap(d.provider.messageHandlers[MessageType.Sync]!);
  d.provider.messageHandlers[MessageType.Confirm] = (_e, dec) => tracker.confirm(readConfirm(dec));
  d.tracker = tracker;
  return d;
}

/** Every item key an observer has ever seen, even briefly. */
function everSeen(c: Client): Set<string> {
  const seen = new Set<string>();
  const items = c.doc.getMap('items');
  items.observe((e) => {
    for (const key of e.keysChanged) if (items.has(key)) seen.add(key);
  });
  return seen;
}

describe('handshake: offline work and the board epoch', () => {
  let server: RunningServer;
  const closers: Array<() => void> = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const close of closers) close();
    await server.close();
  });

  async function setup() {
    const board = await createBoard(server.url);
    const p = await joinBoard(server.url, board.id, 'Ada');
    const o = await joinBoard(server.url, board.id, 'Eye');
    const a = device(server.url, board.id, p.token, p.participantId);
    const facilitator = connect(server.url, board.id, board.facilitatorKey);
    const observer = connect(server.url, board.id, o.token);
    closers.push(() => a.provider.destroy(), facilitator.close, observer.close);
    await Promise.all([waitFor(() => a.provider.synced), synced(facilitator), synced(observer)]);
    return { board, a, facilitator, observer, seen: everSeen(observer) };
  }

  it('sends offline work on reconnect and confirms it', async () => {
    const { a, observer } = await setup();
    const online = a.board.addStroke(stroke);
    await waitFor(() => observer.doc.getMap('items').has(online), 'online stroke relayed');
    await waitFor(() => a.tracker.saved, 'saved');
    a.provider.disconnect();
    const offline = a.board.addStroke(stroke);
    a.board.deleteItems([online]);
    expect(a.tracker.saved).toBe(false);
    a.provider.connect();
    await waitFor(() => observer.doc.getMap('items').has(offline) && !observer.doc.getMap('items').has(online), 'offline work relayed');
    await waitFor(() => a.tracker.saved, 'saved after reconnect');
    expect(a.discarded).toBe(0);
  });

  it('drops work made offline on a board that was cleared meanwhile, before anyone sees it', async () => {
    const { board, a, facilitator, observer, seen } = await setup();
    const before = a.board.addStroke(stroke);
    await waitFor(() => observer.doc.getMap('items').has(before), 'stroke relayed');
    a.provider.disconnect();
    const offline = [a.board.addStroke(stroke), a.board.addStroke(stroke)];
    clearBoard(facilitator.doc);
    await waitFor(() => observer.doc.getMap('items').size === 0, 'clear relayed');
    a.provider.connect();
    await waitFor(() => a.provider.synced && a.tracker.saved, 'reconnected and saved');
    expect(a.discarded).toBe(2);
    expect(a.board.size).toBe(0);
    // A fresh reader: the server has none of it, and the observer never saw the offline strokes.
    const reader = connect(server.url, board.id, board.facilitatorKey);
    closers.push(reader.close);
    await synced(reader);
    expect(reader.doc.getMap('items').size).toBe(0);
    for (const id of offline) expect(seen.has(id)).toBe(false);
    // Drawing after the reconnect works as usual.
    const after = a.board.addStroke(stroke);
    await waitFor(() => observer.doc.getMap('items').has(after), 'new stroke relayed');
  });
});

