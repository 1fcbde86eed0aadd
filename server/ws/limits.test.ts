/**
 * Venue limits (docs/operations.md): one client must not hurt the room. Each limit closes or
 * refuses only the offender; a canary provider in the same room keeps syncing.
 */
import * as encoding from 'lib0/encoding';
import net from 'node:net';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Board } from '../../src/model/board';
import { CloseCode, describeClose } from '../../src/protocol/closeCodes';
import type { ConfigOverrides } from '../config';
import type { RunningServer } from '../index';
import { connect, createBoard, joinBoard, raw, startTestServer, synced, updateFrame, waitFor, wsBase, type Client, type RawClient } from '../testing/helpers';
import type { Room } from '../rooms/Room';
import { DocSizes, REMEASURE_MS, isDeleteOnly, peekSync } from './limits';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [1, 2, 0.5, 5, 6, 0.5] };

/** [Sync][Step1][empty state vector]: what a fresh provider sends first. */
function step1(): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint8Array(enc, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(enc);
}

const servers: RunningServer[] = [];
const clients: Client[] = [];
const raws: RawClient[] = [];

async function server(limits: ConfigOverrides['limits']): Promise<RunningServer> {
  const s = await startTestServer({ limits });
  servers.push(s);
  return s;
}

function provider(s: RunningServer, boardId: string, token: string): Client {
  const c = connect(s.url, boardId, token);
  clients.push(c);
  return c;
}

/** The code of the first close frame in what a raw socket received after its handshake, if any. */
function closeCodeIn(received: Buffer): number | null {
  let at = received.indexOf('\r\n\r\n');
  if (at < 0) return null;
  at += 4;
  while (at + 2 <= received.length) {
    const opcode = received[at]! & 0x0f;
    let length = received[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      length = received.readUInt16BE(at + 2);
      start += 2;
    } else if (length === 127) {
      length = Number(received.readBigUInt64BE(at + 2));
      start += 8;
    }
    if (start + length > received.length) return null;
    if (opcode === 8) return received.readUInt16BE(start);
    at = start + length;
  }
  return null;
}

/** A server with these limits, a board, and two synced providers on it: the canary and a writer. */
async function canaryRoom(limits: ConfigOverrides['limits']) {
  const s = await server(limits);
  const board = await createBoard(s.url);
  const canary = provider(s, board.id, board.facilitatorKey);
  const writer = provider(s, board.id, board.facilitatorKey);
  await Promise.all([synced(canary), synced(writer)]);
  return { s, board, canary, writer };
}

function rawClient(s: RunningServer, boardId: string, token: string): RawClient {
  const r = raw(s.url, boardId, token);
  raws.push(r);
  return r;
}

/** The canary draws through a second provider and sees it arrive: the room still syncs. */
async function roomStillSyncs(canary: Client, writer: Client, participantId: string): Promise<void> {
  const before = canary.doc.getMap('items').size;
  new Board(writer.doc, participantId).addStroke(stroke);
  await waitFor(() => canary.doc.getMap('items').size === before + 1, 'canary receives a new stroke');
}

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const r of raws.splice(0)) r.ws.terminate();
});
afterAll(async () => {
  for (const s of servers) await s.close();
});

describe('venue limits', () => {
  it('reads sync messages cheaply: step 1, updates, delete-only updates', () => {
    const doc = new Y.Doc();
    new Board(doc, 'p1').addStroke(stroke);
    const full = Y.encodeStateAsUpdate(doc);
    expect(peekSync(step1())).toEqual({ kind: 'step1' });
    expect(peekSync(updateFrame(full))).toEqual({ kind: 'update', update: full });
    expect(peekSync(new Uint8Array([3]))).toEqual({ kind: 'other' });
    expect(peekSync(new Uint8Array([0, 2, 200]))).toEqual({ kind: 'other' });
    expect(isDeleteOnly(full)).toBe(false);
    const sv = Y.encodeStateVector(doc);
    doc.getMap('items').clear();
    expect(isDeleteOnly(Y.encodeStateAsUpdate(doc, sv))).toBe(true);
  });

  it('the document size estimate grows with updates and is measured again after deletions', () => {
    // The room's document has no undo manager (the model's keeps deleted items), so it collects deletions.
    const clientDoc = new Y.Doc();
    const doc = new Y.Doc();
    const room = { encodedSize: () => Y.encodeStateAsUpdate(doc).byteLength } as unknown as Room;
    const model = new Board(clientDoc, 'p1');
    const big = { ...stroke, points: Array.from({ length: 300 }, (_, i) => [i * 3.7, Math.cos(i) * 200, 0.5]).flat() };
    const ids = [model.addStroke(big), model.addStroke(big), model.addStroke(big)];
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(clientDoc));
    const base = Y.encodeStateAsUpdate(doc).byteLength;
    let t = 0;
    const sizes = new DocSizes(base + 100, () => t);
    const refusedCode = (growth: number): number | null => {
      try {
        sizes.check(room, growth);
        return null;
      } catch (error) {
        return (error as { code: number }).code;
      }
    };
    expect(refusedCode(50)).toBeNull();
    sizes.add(room, 50);
    expect(sizes.estimate(room)).toBe(base + 50);
    expect(refusedCode(100)).toBe(CloseCode.DocumentTooLarge);
    const sv = Y.encodeStateVector(clientDoc);
    model.deleteItems(ids);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(clientDoc, sv));
    sizes.noteDeletion(room);
    t = REMEASURE_MS / 2;
    expect(refusedCode(100)).toBe(CloseCode.DocumentTooLarge); // not measured again yet
    t = REMEASURE_MS;
    expect(refusedCode(100)).toBeNull();
    expect(sizes.estimate(room)).toBeLessThan(base / 2);
  });

  it('a flooding raw client is closed with 4429 while a canary provider keeps syncing', async () => {
    const { s, board, canary, writer } = await canaryRoom({ maxMessagesPerSecond: 50, messageBurst: 100 });
    const flood = rawClient(s, board.id, board.facilitatorKey);
    await flood.opened;
    // QueryAwareness: a valid, tiny message, 1,000 at once.
    for (let i = 0; i < 1000; i++) flood.send(new Uint8Array([3]));
    const closed = await flood.closed;
    expect(closed.code).toBe(CloseCode.TooManyMessages);
    await roomStillSyncs(canary, writer, board.participantId);
    expect(canary.provider.wsconnected).toBe(true);
  });

  it('stops reading a flooder once it is told 4429, and lets go of its socket without waiting for its reply', async () => {
    const { s, board, canary, writer } = await canaryRoom({ maxMessagesPerSecond: 50, messageBurst: 100 });
    // A client below ws: it floods and never answers the close frame, as a broken or hostile one may.
    const { port } = new URL(s.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.on('error', () => {});
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
    const gone = new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now())));
    socket.write(
      `GET /ws/${board.id}?token=${encodeURIComponent(board.facilitatorKey)} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n` +
        'Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await waitFor(() => received.includes('\r\n\r\n'));
    expect(received.toString('latin1', 0, 12)).toBe('HTTP/1.1 101');
    // QueryAwareness frames (masked with a zero key), far past the burst, in one write.
    const frame = Buffer.from([0x82, 0x81, 0, 0, 0, 0, 3]);
    socket.write(Buffer.concat(Array.from({ length: 5000 }, () => frame)));
    const closedAt = await new Promise<number>((resolve) => {
      const poll = setInterval(() => {
        if (closeCodeIn(received) !== null) {
          clearInterval(poll);
          resolve(performance.now());
        }
      }, 5);
    });
    expect(closeCodeIn(received)).toBe(CloseCode.TooManyMessages);
    // ws would wait 30 s for the reply that never comes.
    expect((await gone) - closedAt).toBeLessThan(5_000);
    await roomStillSyncs(canary, writer, board.participantId);
  });

  it('stock providers echoing a busy room\'s presence are not closed (awareness takes no message token)', async () => {
    const { s, board, canary, writer } = await canaryRoom({ maxMessagesPerSecond: 10, messageBurst: 10 });
    let closes = 0;
    canary.provider.on('connection-close', () => closes++);
    const guest = await joinBoard(s.url, board.id, 'Guest');
    // 40 visitors announce a cursor and leave: each change is relayed to the providers, which echo it.
    for (let i = 0; i < 40; i++) {
      const visitor = rawClient(s, board.id, guest.token);
      await visitor.opened;
      const presence = new Awareness(new Y.Doc());
      presence.setLocalState({ user: { name: `Visitor ${i}` }, cursor: { x: i, y: 0 }, drawing: false });
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 1);
      encoding.writeVarUint8Array(enc, encodeAwarenessUpdate(presence, [presence.clientID]));
      visitor.send(encoding.toUint8Array(enc));
      visitor.ws.close();
      await visitor.closed;
      presence.destroy();
    }
    await roomStillSyncs(canary, writer, board.participantId);
    expect(closes).toBe(0);
  });

  it('answers a QueryAwareness at most once a second: repeats cannot turn one byte into kilobytes', async () => {
    const { s, board, canary } = await canaryRoom({});
    canary.provider.awareness.setLocalStateField('user', { name: 'Canary', note: 'x'.repeat(500) });
    const asker = rawClient(s, board.id, board.facilitatorKey);
    await asker.opened;
    asker.send(step1());
    const presence = () => asker.messages.filter((m) => m[0] === 1 && m.length > 3).length;
    await waitFor(() => presence() > 0);
    await new Promise((r) => setTimeout(r, 300));
    const before = presence();
    for (let i = 0; i < 50; i++) asker.send(new Uint8Array([3]));
    await waitFor(() => presence() > before);
    await new Promise((r) => setTimeout(r, 300));
    expect(presence()).toBe(before + 1);
    // A second later the next query is answered again.
    await new Promise((r) => setTimeout(r, 800));
    asker.send(new Uint8Array([3]));
    await waitFor(() => presence() > before + 1);
    expect(asker.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('a byte flood is closed with 4429 too; honest traffic under the rates is not', async () => {
    const s = await server({ maxBytesPerSecond: 64 * 1024, byteBurst: 64 * 1024, maxFrameBytes: 64 * 1024 });
    const board = await createBoard(s.url);
    const honest = rawClient(s, board.id, board.facilitatorKey);
    await honest.opened;
    honest.send(step1());
    // 60 small messages in a second: well under both rates.
    for (let i = 0; i < 60; i++) {
      honest.send(new Uint8Array([3]));
      await new Promise((r) => setTimeout(r, 16));
    }
    const flood = rawClient(s, board.id, board.facilitatorKey);
    await flood.opened;
    // Valid sync step 1s with a long state vector (~4.5 KB each): 40 of them are far over 64 KB.
    const sv = encoding.createEncoder();
    encoding.writeVarUint(sv, 1500);
    for (let id = 1; id <= 1500; id++) {
      encoding.writeVarUint(sv, id);
      encoding.writeVarUint(sv, 0);
    }
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, 0);
    encoding.writeVarUint(frame, 0);
    encoding.writeVarUint8Array(frame, encoding.toUint8Array(sv));
    const bytes = encoding.toUint8Array(frame);
    for (let i = 0; i < 40; i++) flood.send(bytes);
    expect((await flood.closed).code).toBe(CloseCode.TooManyMessages);
    expect(honest.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('the N+1th connection to a room gets 4409 with the plain reason; a leaver frees a place', async () => {
    const s = await server({ maxConnectionsPerRoom: 3 });
    const board = await createBoard(s.url);
    const canary = provider(s, board.id, board.facilitatorKey);
    await synced(canary);
    const others = [rawClient(s, board.id, board.facilitatorKey), rawClient(s, board.id, board.facilitatorKey)];
    await Promise.all(others.map((o) => o.opened));
    await waitFor(() => s.rooms.stats(board.id)?.connections === 3, 'three connections');
    const extra = rawClient(s, board.id, board.facilitatorKey);
    const closed = await extra.closed;
    expect(closed).toEqual({ code: CloseCode.RoomFull, reason: describeClose(CloseCode.RoomFull) });
    // Other rooms are not affected.
    const elsewhere = await createBoard(s.url);
    const fine = rawClient(s, elsewhere.id, elsewhere.facilitatorKey);
    await fine.opened;
    others[0]!.ws.close();
    await others[0]!.closed;
    await waitFor(() => s.rooms.stats(board.id)?.connections === 2, 'one left');
    const again = rawClient(s, board.id, board.facilitatorKey);
    await again.opened;
    await new Promise((r) => setTimeout(r, 50));
    expect(again.ws.readyState).toBe(WebSocket.OPEN);
    expect(canary.provider.wsconnected).toBe(true);
  });

  it('an update that grows the document over the limit gets 4413; a delete-only update is accepted', async () => {
    const s = await server({ maxDocBytes: 8 * 1024 });
    const board = await createBoard(s.url);
    const canary = provider(s, board.id, board.facilitatorKey);
    await synced(canary);
    // The raw client writes into its own doc and sends each change as a provider would.
    const doc = new Y.Doc();
    const model = new Board(doc, board.participantId);
    const big = { ...stroke, points: Array.from({ length: 600 }, (_, i) => [i * 7.31, Math.sin(i) * 300, 0.5]).flat() };
    const writerSocket = rawClient(s, board.id, board.facilitatorKey);
    await writerSocket.opened;
    const accepted: string[] = [];
    let code = 0;
    void writerSocket.closed.then((c) => (code = c.code));
    for (let i = 0; i < 40 && code === 0; i++) {
      const sv = Y.encodeStateVector(doc);
      const id = model.addStroke(big);
      writerSocket.send(updateFrame(Y.encodeStateAsUpdate(doc, sv)));
      await new Promise((r) => setTimeout(r, 30));
      if (code === 0) accepted.push(id);
    }
    expect(code).toBe(CloseCode.DocumentTooLarge);
    expect(accepted.length).toBeGreaterThan(0);
    await waitFor(() => canary.doc.getMap('items').size === accepted.length, 'canary has the accepted strokes');

    // A fresh connection may still delete (an update with no structs, only a delete set).
    const deleter = rawClient(s, board.id, board.facilitatorKey);
    await deleter.opened;
    const sv = Y.encodeStateVector(doc);
    model.deleteItems([accepted[0]!]);
    const deletion = Y.encodeStateAsUpdate(doc, sv);
    expect(isDeleteOnly(deletion)).toBe(true);
    deleter.send(updateFrame(deletion));
    await waitFor(() => canary.doc.getMap('items').size === accepted.length - 1, 'deletion relayed');
    expect(deleter.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('a connection that never sends its sync step 1 is closed after the deadline; one that does stays', async () => {
    const s = await server({ handshakeTimeoutMs: 200 });
    const board = await createBoard(s.url);
    const idle = rawClient(s, board.id, board.facilitatorKey);
    const polite = rawClient(s, board.id, board.facilitatorKey);
    await Promise.all([idle.opened, polite.opened]);
    polite.send(step1());
    const started = Date.now();
    const closed = await idle.closed;
    expect(closed.code).toBe(CloseCode.HandshakeTimeout);
    expect(Date.now() - started).toBeLessThan(2000);
    await new Promise((r) => setTimeout(r, 300));
    expect(polite.ws.readyState).toBe(WebSocket.OPEN);
    // A stock provider passes without noticing.
    const c = provider(s, board.id, board.facilitatorKey);
    await synced(c);
    await new Promise((r) => setTimeout(r, 400));
    expect(c.provider.wsconnected).toBe(true);
  });

  it('upgrade attempts over the per-address rate get HTTP 429 with Retry-After', async () => {
    const s = await server({ maxWsConnectsPerAddress: 5, wsConnectWindowMs: 60_000 });
    const board = await createBoard(s.url);
    const url = `${wsBase(s.url)}/${board.id}?token=${board.facilitatorKey}`;
    const attempt = (headers: Record<string, string> = {}): Promise<{ status: number; retryAfter?: string }> =>
      new Promise((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('open', () => {
          ws.close();
          resolve({ status: 101 });
        });
        ws.on('unexpected-response', (_req, res) => {
          resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] });
          res.destroy();
        });
        ws.on('error', () => {});
      });
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await attempt());
    expect(results.slice(0, 5).map((r) => r.status)).toEqual([101, 101, 101, 101, 101]);
    expect(results[5]!.status).toBe(429);
    expect(Number(results[5]!.retryAfter)).toBeGreaterThan(0);
    expect(results[6]!.status).toBe(429);
    // X-Forwarded-For is ignored without TRUST_PROXY: a made-up address does not get a fresh budget.
    expect((await attempt({ 'X-Forwarded-For': '203.0.113.9' })).status).toBe(429);
  });

  it('behind a proxy (TRUST_PROXY) the limit keys on the last X-Forwarded-For entry', async () => {
    const s = await startTestServer({ trustProxy: true, limits: { maxWsConnectsPerAddress: 2, wsConnectWindowMs: 60_000 } });
    servers.push(s);
    const board = await createBoard(s.url);
    const url = `${wsBase(s.url)}/${board.id}?token=${board.facilitatorKey}`;
    const attempt = (xff: string): Promise<number> =>
      new Promise((resolve) => {
        const ws = new WebSocket(url, { headers: { 'X-Forwarded-For': xff } });
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          res.destroy();
        });
        ws.on('error', () => {});
      });
    expect(await attempt('10.0.0.1')).toBe(101);
    expect(await attempt('1.2.3.4, 10.0.0.1')).toBe(101);
    expect(await attempt('10.0.0.1')).toBe(429);
    expect(await attempt('10.0.0.2')).toBe(101);
  });
});
