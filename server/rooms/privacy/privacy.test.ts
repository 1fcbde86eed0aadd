/**
 * Private drawing over the wire (issue 5): real WebsocketProviders for the facilitator and two
 * participants, raw sockets that record every byte a participant and the projector receive.
 * While private drawing is in force nobody but the artist and the facilitator receives a
 * participant's strokes (document, live strokes, cursors); after the reveal everyone converges.
 * Also: a participant reloading mid-phase, a late joiner, and a server restart mid-phase.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Board } from '../../../src/model/board';
import { readItem } from '../../../src/model/readItem';
import { setPhase } from '../../../src/model/session';
import { encodeLiveFromClient } from '../../../src/protocol/liveStroke';
import type { RunningServer } from '../../index';
import {
  connect, createBoard, joinBoard, raw, startTestServer, synced, tempDir, updateFrame, waitFor,
  type Client, type CreatedBoard, type Joined, type RawClient,
} from '../../testing/helpers';

const stroke = (x: number) => ({ tool: 'pen' as const, color: '#112233', width: 4, points: [x, 2, 0.5, x + 5, 6, 0.5, x + 9, 4, 0.5] });

function itemIds(doc: Y.Doc): string[] {
  return [...doc.getMap('items').keys()].sort();
}

function xOf(doc: Y.Doc, id: string): number | undefined {
  return readItem(id, doc.getMap('items').get(id))?.x;
}

/** A raw connection that asks for the whole board and records every message it receives. */
async function observe(base: string, boardId: string, token: string): Promise<RawClient> {
  const sock = raw(base, boardId, token, '&caps=live');
  await sock.opened;
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint8Array(enc, new Uint8Array([0]));
  sock.send(encoding.toUint8Array(enc));
  return sock;
}

function received(sock: RawClient): Buffer {
  return Buffer.concat(sock.messages.map((m) => Buffer.from(m)));
}

function leaks(sock: RawClient, ...ids: string[]): string[] {
  const bytes = received(sock);
  return ids.filter((id) => bytes.includes(Buffer.from(id)));
}

/** Everything the facilitator's document holds, as a JSON string (items, session, meta). */
function snapshot(doc: Y.Doc): string {
  return JSON.stringify({ items: itemIds(doc), session: doc.getMap('session').toJSON(), meta: doc.getMap('meta').toJSON() });
}

describe('private drawing: participants do not receive each other’s drawing before the reveal', () => {
  const dataDir = tempDir();
  let server: RunningServer;
  let board: CreatedBoard;
  let ann: Joined;
  let ben: Joined;
  let fac: Client;
  let a: Client;
  let b: Client;
  let benWire: RawClient;
  let wall: RawClient;
  const clients: Client[] = [];
  const socks: RawClient[] = [];
  let before = '';
  /** Ann's, from before the phase; the facilitator erases it during the phase (public). */
  let cleared = '';
  /** Ann's, moved by the facilitator before the phase and by Ann during it. */
  let shared = '';
  let mine: string[] = [];

  function client(token: string): Client {
    const c = connect(server.url, board.id, token);
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    server = await startTestServer({ dataDir });
    board = await createBoard(server.url);
    ann = await joinBoard(server.url, board.id, 'Ann');
    ben = await joinBoard(server.url, board.id, 'Ben');
    fac = client(board.facilitatorKey);
    a = client(ann.token);
    b = client(ben.token);
    await Promise.all([synced(fac), synced(a), synced(b)]);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of socks) s.ws.close();
    await server.close();
  });

  it('relays nothing of a participant’s private drawing to other participants or the projector', async () => {
    before = new Board(a.doc, ann.participantId).addStroke(stroke(0));
    cleared = new Board(a.doc, ann.participantId).addStroke(stroke(200));
    shared = new Board(a.doc, ann.participantId).addStroke(stroke(400));
    await waitFor(() => [before, cleared, shared].every((id) => itemIds(fac.doc).includes(id)), 'public strokes reach the facilitator');
    // The facilitator tidies Ann's stroke before the phase: its current value is the facilitator's struct.
    new Board(fac.doc, board.participantId).moveItems([shared], 0, 30);
    await waitFor(() => [before, cleared, shared].every((id) => xOf(b.doc, id) !== undefined) && xOf(b.doc, shared) === xOf(fac.doc, shared) && xOf(a.doc, shared) === xOf(fac.doc, shared), 'public strokes reach Ben');
    await waitFor(() => readItem(shared, a.doc.getMap('items').get(shared))?.y === readItem(shared, fac.doc.getMap('items').get(shared))?.y, 'the tidy-up reaches Ann');
    setPhase(fac.doc, { privateDrawing: true });
    await waitFor(() => b.doc.getMap('session').get('privateDrawing') === true && a.doc.getMap('session').get('privateDrawing') === true, 'private drawing everywhere');

    benWire = await observe(server.url, board.id, ben.token);
    wall = await observe(server.url, board.id, board.projectorKey);
    socks.push(benWire, wall);
    await waitFor(() => benWire.messages.length > 0 && wall.messages.length > 0, 'observers synced');

    const annBoard = new Board(a.doc, ann.participantId);
    mine = [annBoard.addStroke(stroke(20)), annBoard.addStroke(stroke(40))];
    annBoard.moveItems([before], 100, 0);
    annBoard.moveItems([shared], 100, 0);
    annBoard.deleteItems([mine[1]!]);
    const facStroke = new Board(fac.doc, board.participantId).addStroke(stroke(60));
    new Board(fac.doc, board.participantId).deleteItems([cleared]);
    await waitFor(() => !itemIds(b.doc).includes(cleared), 'the facilitator’s erasure reaches Ben');
    await waitFor(() => itemIds(fac.doc).includes(mine[0]!) && xOf(fac.doc, before) === xOf(a.doc, before), 'the facilitator sees Ann’s work');
    await waitFor(() => itemIds(b.doc).includes(facStroke), 'the facilitator’s stroke reaches Ben');
    await waitFor(() => received(wall).includes(Buffer.from(facStroke)), 'and the projector');

    // Ann's live stroke (a pen still down) goes to the facilitator only.
    const annWire = await observe(server.url, board.id, ann.token);
    socks.push(annWire);
    await waitFor(() => annWire.messages.length > 0, 'Ann’s second tab synced');
    const facWire = await observe(server.url, board.id, board.facilitatorKey);
    socks.push(facWire);
    await waitFor(() => facWire.messages.length > 0, 'the facilitator’s second tab synced');
    annWire.send(encodeLiveFromClient({ type: 'start', key: 1, itemId: 'liveAnnStroke01', tool: 'pen', color: '#112233', width: 4 }));
    await waitFor(() => received(facWire).includes(Buffer.from('liveAnnStroke01')), 'the facilitator sees Ann’s live stroke');
    expect(leaks(facWire, ...mine)).toEqual(mine);

    // The facilitator's later change arrives after all of the above: Ben is caught up.
    fac.doc.getMap('meta').set('prompt', 'Draw open data');
    await waitFor(() => b.doc.getMap('meta').get('prompt') === 'Draw open data', 'prompt reaches Ben');
    await waitFor(() => received(benWire).includes(Buffer.from('Draw open data')), 'prompt reaches Ben’s raw socket');

    await waitFor(() => xOf(fac.doc, shared) === xOf(a.doc, shared), 'Ann’s move reaches the facilitator');
    expect(itemIds(b.doc)).toEqual([before, facStroke, shared].sort());
    expect(xOf(b.doc, before)).toBe(xOf(fac.doc, before)! - 100);
    expect(xOf(b.doc, shared)).toBe(xOf(fac.doc, shared)! - 100);
    expect(leaks(benWire, ...mine, 'liveAnnStroke01')).toEqual([]);
    expect(leaks(wall, ...mine, 'liveAnnStroke01')).toEqual([]);
    // Ann's own connections do receive her work (the second tab got it by sync).
    expect(leaks(annWire, mine[0]!)).toEqual([mine[0]]);
  });

  it('keeps privacy for a participant who reloads, a late joiner, and Ann reloading', async () => {
    const benAgain = client(ben.token);
    const late = await joinBoard(server.url, board.id, 'Cleo');
    const cleo = client(late.token);
    const annAgain = client(ann.token);
    await Promise.all([synced(benAgain), synced(cleo), synced(annAgain)]);
    for (const c of [benAgain, cleo]) {
      expect(itemIds(c.doc)).toEqual(itemIds(b.doc));
      expect(xOf(c.doc, before)).toBe(xOf(b.doc, before));
      // Ann's move replaced (deleted) the facilitator's struct: that deletion is hers, withheld too.
      expect(xOf(c.doc, shared)).toBe(xOf(b.doc, shared));
    }
    // Ann's reload (a new client id) gets all of her own work back, and draws on with it.
    expect(itemIds(annAgain.doc)).toEqual(itemIds(a.doc));
    const later = new Board(annAgain.doc, ann.participantId).addStroke(stroke(80));
    mine.push(later);
    await waitFor(() => itemIds(fac.doc).includes(later), 'the facilitator sees the reloaded tab’s stroke');
    fac.doc.getMap('meta').set('prompt', 'Still drawing');
    await waitFor(() => [b, benAgain, cleo].every((c) => c.doc.getMap('meta').get('prompt') === 'Still drawing'), 'prompt everywhere');
    for (const c of [b, benAgain, cleo]) expect(itemIds(c.doc)).not.toContain(later);
  });

  it('refuses a participant’s update that touches private work it was not sent, even with editing others allowed', async () => {
    fac.doc.getMap('session').set('allowEditOthers', true);
    await waitFor(() => b.doc.getMap('session').get('allowEditOthers') === true, 'allowEditOthers reaches Ben');
    // Ben "guesses" the id of Ann's private stroke (here: taken from the facilitator's copy).
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(fac.doc));
    const sv = Y.encodeStateVector(forged);
    forged.getMap('items').delete(mine[0]!);
    const sock = raw(server.url, board.id, ben.token);
    socks.push(sock);
    await sock.opened;
    sock.send(updateFrame(Y.encodeStateAsUpdate(forged, sv)));
    expect((await sock.closed).code).toBe(4403);
    expect(itemIds(fac.doc)).toContain(mine[0]);
    // Work he was sent (the facilitator's) he may change.
    const facs = new Board(fac.doc, board.participantId).addStroke(stroke(300));
    await waitFor(() => itemIds(b.doc).includes(facs), 'a facilitator stroke reaches Ben');
    new Board(b.doc, ben.participantId).moveItems([facs], 0, 10);
    await waitFor(() => xOf(fac.doc, facs) !== undefined && readItem(facs, fac.doc.getMap('items').get(facs))?.y === readItem(facs, b.doc.getMap('items').get(facs))?.y, 'Ben’s move reaches the facilitator');
    fac.doc.getMap('session').set('allowEditOthers', false);
  });

  it('keeps privacy across a server restart mid-phase', async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of socks.splice(0)) s.ws.close();
    await server.close();
    server = await startTestServer({ dataDir });
    fac = client(board.facilitatorKey);
    a = client(ann.token);
    b = client(ben.token);
    await Promise.all([synced(fac), synced(a), synced(b)]);
    wall = await observe(server.url, board.id, board.projectorKey);
    socks.push(wall);
    await waitFor(() => wall.messages.length > 0, 'projector synced');
    expect(itemIds(fac.doc)).toContain(mine[0]);
    expect(itemIds(a.doc)).toContain(mine[0]);
    expect(itemIds(b.doc)).not.toContain(mine[0]);
    expect(xOf(b.doc, before)).toBe(xOf(fac.doc, before)! - 100);
    expect(xOf(b.doc, shared)).toBe(xOf(fac.doc, shared)! - 100);
    expect(leaks(wall, ...mine)).toEqual([]);
  });

  it('at the reveal, everyone receives everything and converges; cursors were blanked meanwhile', async () => {
    // A cursor of Ann's while private: Ben sees her presence without the cursor.
    const presence = new Awareness(new Y.Doc());
    presence.setLocalState({ user: { id: ann.participantId }, cursor: { x: 5, y: 6 }, drawing: true });
    const annWire = await observe(server.url, board.id, ann.token);
    socks.push(annWire);
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 1);
    encoding.writeVarUint8Array(enc, encodeAwarenessUpdate(presence, [presence.clientID]));
    annWire.send(encoding.toUint8Array(enc));
    await waitFor(() => b.provider.awareness.getStates().has(presence.clientID) && fac.provider.awareness.getStates().has(presence.clientID), 'Ann’s presence relayed');
    expect((b.provider.awareness.getStates().get(presence.clientID) as { cursor: unknown }).cursor).toBeNull();
    expect((fac.provider.awareness.getStates().get(presence.clientID) as { cursor: unknown }).cursor).toEqual({ x: 5, y: 6 });

    // The facilitator moves Ann's private stroke: Ben cannot apply that yet (it stays pending).
    new Board(fac.doc, board.participantId).moveItems([mine[0]!], 0, 50);
    setPhase(fac.doc, { phase: 'reveal' });
    await waitFor(() => snapshot(b.doc) === snapshot(fac.doc), 'Ben converges with the facilitator');
    await waitFor(() => received(wall).includes(Buffer.from(mine[0]!)), 'the projector receives Ann’s work');
    expect(b.doc.store.pendingStructs).toBeNull();
    expect(itemIds(b.doc)).toEqual(itemIds(fac.doc));
    expect(xOf(b.doc, before)).toBe(xOf(fac.doc, before));
    expect(readItem(mine[0]!, b.doc.getMap('items').get(mine[0]!))?.y).toBe(readItem(mine[0]!, fac.doc.getMap('items').get(mine[0]!))?.y);
    expect(Y.encodeStateVector(b.doc)).toEqual(Y.encodeStateVector(fac.doc));
    // Relayed normally again.
    const after = new Board(a.doc, ann.participantId).addStroke(stroke(120));
    await waitFor(() => itemIds(b.doc).includes(after), 'a stroke after the reveal reaches Ben');
  });

  it('a second round ("Back to drawing") hides new work again, from a new boundary', async () => {
    setPhase(fac.doc, { phase: 'drawing' });
    await waitFor(() => b.doc.getMap('session').get('phase') === 'drawing', 'back to drawing reaches Ben');
    const round2 = new Board(a.doc, ann.participantId).addStroke(stroke(140));
    await waitFor(() => itemIds(fac.doc).includes(round2), 'the facilitator sees the new stroke');
    fac.doc.getMap('meta').set('prompt', 'Round two');
    await waitFor(() => b.doc.getMap('meta').get('prompt') === 'Round two', 'prompt reaches Ben');
    expect(itemIds(b.doc)).not.toContain(round2);
    const fresh = client(ben.token);
    await synced(fresh);
    expect(itemIds(fresh.doc)).toEqual(itemIds(b.doc));
    setPhase(fac.doc, { phase: 'reveal' });
    await waitFor(() => itemIds(b.doc).includes(round2) && itemIds(fresh.doc).includes(round2), 'the second reveal reaches Ben');
  });
});
