/**
 * Presence leaves nothing behind: join/leave cycles (awareness announced, then gone) do not grow
 * any of the room's per-client maps or the stored client id bindings; an id is stored only when it
 * first writes to the document, and is bound in memory (no spoofing) while its connection lives.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Board } from '../../src/model/board';
import type { RunningServer } from '../index';
import { openSqliteStorage, type SqliteStorage } from '../persistence/sqlite';
import { DEPARTED_IDS } from '../rooms/ClientBindings';
import type { RoomStats } from '../rooms/Room';
import {
  connect, createBoard, joinBoard, raw, startTestServer, synced, updateFrame, waitFor,
  type Client, type CreatedBoard, type Joined,
} from '../testing/helpers';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [1, 2, 0.5, 5, 6, 0.5] };
const CYCLES = 1000;

function awarenessFrame(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 1);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

describe('presence memory', () => {
  let server: RunningServer;
  let side: SqliteStorage;
  let board: CreatedBoard;
  let visitor: Joined;
  let holder: Client;

  beforeAll(async () => {
    server = await startTestServer();
    side = openSqliteStorage(server.config.dataDir, { groupCommitMs: 0 });
    board = await createBoard(server.url);
    visitor = await joinBoard(server.url, board.id, 'Visitor');
    // Someone stays all along, so the room stays loaded.
    holder = connect(server.url, board.id, board.facilitatorKey);
    await synced(holder);
    holder.provider.awareness.setLocalStateField('user', { name: 'Facilitator' });
    new Board(holder.doc, board.participantId).addStroke(stroke);
    await waitFor(() => server.rooms.stats(board.id)?.clientIds === 2, 'holder bound');
  });
  afterAll(async () => {
    holder.close();
    side.close();
    await server.close();
  });

  const stats = (): RoomStats => server.rooms.stats(board.id)!;
  const storedBindings = (): number => side.docs.load(board.id).clientOwners.size;

  /** One visit: announce presence under a new client id, maybe say goodbye, close. */
  async function visit(i: number): Promise<void> {
    const sock = raw(server.url, board.id, visitor.token);
    await sock.opened;
    const presence = new Awareness(new Y.Doc());
    presence.setLocalState({ user: { name: `Visitor ${i}` }, cursor: { x: i, y: 0 }, drawing: false });
    sock.send(awarenessFrame(encodeAwarenessUpdate(presence, [presence.clientID])));
    // A stock provider says goodbye on a clean close (a null state); a crashed tab does not.
    if (i % 2 === 0) {
      removeAwarenessStates(presence, [presence.clientID], 'local');
      sock.send(awarenessFrame(encodeAwarenessUpdate(presence, [presence.clientID])));
    }
    sock.ws.close();
    await sock.closed;
    presence.destroy();
    presence.doc.destroy();
  }

  it(`${CYCLES} join/leave cycles leave every per-client map and the stored bindings as they were`, async () => {
    await waitFor(() => stats().awarenessStates === 1, 'holder presence');
    // Fill the bounded memory of departed ids first (it exists to absorb late echoes).
    for (let i = 0; i < DEPARTED_IDS + 10; i++) await visit(i);
    await waitFor(() => stats().connections === 1, 'warm-up visitors gone');
    const before = stats();
    const rowsBefore = storedBindings();
    for (let i = 0; i < CYCLES; i++) await visit(i);
    await waitFor(() => stats().connections === before.connections, 'every visitor gone');
    expect(stats()).toEqual(before);
    expect(storedBindings()).toBe(rowsBefore);
    expect(before).toMatchObject({ connections: 1, awarenessStates: 1, awarenessClaims: 1, tentativeClientIds: 0, departedClientIds: DEPARTED_IDS });
    // The holder (a stock provider that echoes every presence change it sees) was never closed.
    expect(holder.provider.wsconnected).toBe(true);
  }, 180_000);

  it('stock providers too: a read-only visit stores nothing, a visit that draws stores its binding', async () => {
    const before = stats();
    const rowsBefore = storedBindings();
    for (let i = 0; i < 5; i++) {
      const c = connect(server.url, board.id, visitor.token);
      c.provider.awareness.setLocalStateField('user', { name: 'Looker' });
      await synced(c);
      await waitFor(() => stats().tentativeClientIds === 1, 'presence bound in memory');
      c.close();
      await waitFor(() => stats().connections === before.connections, 'looker gone');
    }
    expect(stats()).toEqual(before);
    expect(storedBindings()).toBe(rowsBefore);

    const drawer = connect(server.url, board.id, visitor.token);
    drawer.provider.awareness.setLocalStateField('user', { name: 'Drawer' });
    await synced(drawer);
    await waitFor(() => stats().tentativeClientIds === 1, 'drawer presence bound in memory');
    const id = new Board(drawer.doc, visitor.participantId).addStroke(stroke);
    await waitFor(() => holder.doc.getMap('items').has(id), 'stroke relayed');
    expect(stats()).toMatchObject({ clientIds: before.clientIds + 1, tentativeClientIds: 0 });
    await waitFor(() => side.docs.load(board.id).clientOwners.get(drawer.doc.clientID) === visitor.participantId, 'binding stored');
    drawer.close();
    await waitFor(() => stats().connections === before.connections, 'drawer gone');
    // The stroke added an entry; everything per-client is as before plus the one binding.
    expect(stats()).toMatchObject({ ...before, clientIds: before.clientIds + 1, structs: stats().structs, document: stats().document, entries: before.entries + 1 });
  });

  it('an announced id is bound while its connection lives: nobody else can write under it', async () => {
    const looker = connect(server.url, board.id, visitor.token);
    looker.provider.awareness.setLocalStateField('user', { name: 'Looker' });
    await synced(looker);
    await waitFor(() => stats().tentativeClientIds === 1, 'presence bound in memory');
    const mallory = await joinBoard(server.url, board.id, 'Mallory');
    const doc = new Y.Doc();
    doc.clientID = looker.doc.clientID;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(holder.doc));
    const sv = Y.encodeStateVector(doc);
    new Board(doc, mallory.participantId).addStroke(stroke);
    const sock = raw(server.url, board.id, mallory.token);
    await sock.opened;
    sock.send(updateFrame(Y.encodeStateAsUpdate(doc, sv)));
    expect((await sock.closed).code).toBe(4400);
    looker.close();
    await waitFor(() => stats().tentativeClientIds === 0, 'unbound after leaving');
  });
});
