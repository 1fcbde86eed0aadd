import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { Board } from '../../src/model/board';
import { encodeLiveFromClient, readLiveFromPeer } from '../../src/protocol/liveStroke';
import type { RunningServer } from '../index';
import { connect, createBoard, joinBoard, raw, synced, startTestServer, waitFor, type Client } from '../testing/helpers';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [10, 10, 0.5, 20, 25, 0.5, 30, 12, 0.5] };

describe('sync over y-websocket', () => {
  let server: RunningServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server.close();
  });

  it('a stock provider with the facilitator key syncs the board meta', async () => {
    const board = await createBoard(server.url, 'Kickoff');
    const c = connect(server.url, board.id, board.facilitatorKey);
    clients.push(c);
    await synced(c);
    await waitFor(() => c.doc.getMap('meta').get('title') === 'Kickoff', 'meta');
    expect(new Board(c.doc, board.participantId).getMeta().title).toBe('Kickoff');
  });

  it('two providers converge on strokes and deletions', async () => {
    const board = await createBoard(server.url);
    const p = await joinBoard(server.url, board.id, 'Bo');
    const a = connect(server.url, board.id, board.facilitatorKey);
    const b = connect(server.url, board.id, p.token);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    const boardA = new Board(a.doc, board.participantId);
    const boardB = new Board(b.doc, p.participantId);
    const idA = boardA.addStroke(stroke);
    const idB = boardB.addStroke({ ...stroke, color: '#445566' });
    await waitFor(() => boardA.size === 2 && boardB.size === 2, 'both strokes on both');
    boardB.deleteItems([idB]);
    await waitFor(() => boardA.size === 1, 'deletion relayed');
    expect(boardA.getItem(idA)).toMatchObject({ color: '#112233' });
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  it('joiners always get the current state (the cached sync answer follows every change)', async () => {
    const board = await createBoard(server.url);
    const a = connect(server.url, board.id, board.facilitatorKey);
    clients.push(a);
    await synced(a);
    const model = new Board(a.doc, board.participantId);
    const ids: string[] = [];
    for (let round = 0; round < 4; round++) {
      ids.push(model.addStroke(stroke));
      if (round === 2) model.moveItems([ids[0]!], 5, 5);
      // Two joiners per state (the second one is answered from the cache), each with a fresh doc.
      for (let j = 0; j < 2; j++) {
        const c = connect(server.url, board.id, board.facilitatorKey);
        await synced(c);
        await waitFor(() => c.doc.getMap('items').size === ids.length, 'joiner has every stroke');
        expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(a.doc));
        expect(new Board(c.doc, 'x').getItem(ids[0]!)?.x).toBe(model.getItem(ids[0]!)?.x);
        c.close();
      }
    }
  });

  it('missing or wrong token -> 4401, unknown board -> 4404', async () => {
    const board = await createBoard(server.url);
    const other = await createBoard(server.url);
    expect((await raw(server.url, board.id, null).closed).code).toBe(4401);
    expect((await raw(server.url, board.id, 'A'.repeat(43)).closed).code).toBe(4401);
    expect((await raw(server.url, board.id, other.facilitatorKey).closed).code).toBe(4401);
    expect((await raw(server.url, 'B'.repeat(22), board.facilitatorKey).closed).code).toBe(4404);
    expect((await raw(server.url, 'not-a-board', board.facilitatorKey).closed).code).toBe(4404);
  });

  it('relays live strokes only to caps=live connections, tagged with the sender number', async () => {
    const board = await createBoard(server.url);
    const p = await joinBoard(server.url, board.id);
    const sender = raw(server.url, board.id, board.facilitatorKey, '&caps=live');
    const live = raw(server.url, board.id, p.token, '&caps=live');
    const plain = raw(server.url, board.id, p.token);
    await Promise.all([sender.opened, live.opened, plain.opened]);
    await new Promise((r) => setTimeout(r, 50));
    const before = plain.messages.length;
    sender.send(encodeLiveFromClient({ type: 'start', key: 1, itemId: 'abcdefgh12', tool: 'pen', color: '#112233', width: 4 }));
    await waitFor(() => live.messages.some((m) => m[0] === 100), 'live relay');
    const msg = live.messages.find((m) => m[0] === 100)!;
    const dec = decoding.createDecoder(msg);
    decoding.readVarUint(dec);
    const { sender: n, body } = readLiveFromPeer(dec);
    expect(n).toBeGreaterThan(0);
    expect(body).toMatchObject({ type: 'start', itemId: 'abcdefgh12' });
    await new Promise((r) => setTimeout(r, 50));
    expect(plain.messages.slice(before).some((m) => m[0] === 100)).toBe(false);
    for (const c of [sender, live, plain]) c.ws.close();
  });

  it('stock providers share presence; echoes are tolerated; nobody can rewrite another presence', async () => {
    const board = await createBoard(server.url);
    const p = await joinBoard(server.url, board.id, 'Cy');
    const a = connect(server.url, board.id, board.facilitatorKey);
    const b = connect(server.url, board.id, p.token);
    clients.push(a, b);
    let closes = 0;
    for (const c of [a, b]) c.provider.on('connection-close', () => closes++);
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { id: board.participantId, name: 'Facilitator' });
    b.provider.awareness.setLocalStateField('user', { id: p.participantId, name: 'Cy' });
    await waitFor(() => a.provider.awareness.getStates().get(b.doc.clientID)?.user !== undefined, 'a sees b');
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user !== undefined, 'b sees a');
    b.provider.awareness.setLocalStateField('cursor', { x: 5, y: 6 });
    await waitFor(() => a.provider.awareness.getStates().get(b.doc.clientID)?.cursor !== undefined, 'cursor relayed');
    expect(closes).toBe(0);

    // A raw client claims a's client id: the entry is dropped, a's presence stays.
    const { encodeAwarenessUpdate, Awareness } = await import('y-protocols/awareness');
    const fake = new Awareness(new Y.Doc());
    fake.clientID = a.doc.clientID;
    // A high clock, so only the server's ownership check can stop it.
    for (let i = 0; i < 50; i++) fake.setLocalState({ user: { name: 'Mallory' }, i });
    const spoof = raw(server.url, board.id, p.token);
    await spoof.opened;
    const upd = encodeAwarenessUpdate(fake, [a.doc.clientID]);
    const enc = await import('lib0/encoding');
    const e = enc.createEncoder();
    enc.writeVarUint(e, 1);
    enc.writeVarUint8Array(e, upd);
    spoof.send(enc.toUint8Array(e));
    await new Promise((r) => setTimeout(r, 100));
    expect(b.provider.awareness.getStates().get(a.doc.clientID)?.user).toMatchObject({ name: 'Facilitator' });
    fake.destroy();
    spoof.ws.close();
  });
});
