/**
 * A room whose document nothing has needed for ROOM_REST_MS drops its Y.Doc and keeps the board at
 * rest (RoomDocument; drawing at rest itself: atRest/atRest.test.ts). Over the wire nothing may
 * tell: joiners sync, writers write, easels keep appearing, nothing is lost, and private drawing
 * keeps the room awake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, type NewStroke } from '../../src/model/board';
import { readEasels } from '../../src/model/easels';
import { setEaselsOn } from '../../src/model/easelSession';
import { setPhase } from '../../src/model/session';
import type { RunningServer } from '../index';
import { openSqliteStorage, type SqliteStorage } from '../persistence/sqlite';
import { api, connect, createBoard, joinBoard, startTestServer, synced, waitFor, type Client, type CreatedBoard } from '../testing/helpers';

const REST_MS = 150;

function stroke(i: number): NewStroke {
  return { tool: 'pen', color: '#1f2937', width: 4, points: [i, i, 0.5, i + 40, i + 10, 0.5] };
}

describe('rooms at rest', () => {
  let server: RunningServer;
  let side: SqliteStorage;
  const clients: Client[] = [];
  const open = (board: CreatedBoard, token: string): Client => {
    const c = connect(server.url, board.id, token);
    clients.push(c);
    return c;
  };
  const documentOf = (board: CreatedBoard) => server.rooms.stats(board.id)?.document;

  beforeAll(async () => {
    server = await startTestServer({ roomRestMs: REST_MS });
    side = openSqliteStorage(server.config.dataDir, { groupCommitMs: 0 });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    side.close();
    await server.close();
  });

  it('rests after a quiet spell, answers joiners without waking, and wakes for the next write', async () => {
    const board = await createBoard(server.url);
    const fac = open(board, board.facilitatorKey);
    await synced(fac);
    const model = new Board(fac.doc, board.participantId);
    for (let i = 0; i < 30; i++) model.addStroke(stroke(i));
    await waitFor(() => documentOf(board) === 'resting', 'the room to rest');
    // The stored rows were compacted to the state the room keeps.
    expect(side.docs.load(board.id).updates).toHaveLength(1);

    // A second screen of the facilitator joins: fully synced, and the room stays at rest (no easel
    // to check, nothing to inspect: nothing needed the document).
    const viewer = open(board, board.facilitatorKey);
    await synced(viewer);
    expect(viewer.doc.getMap('items').size).toBe(30);
    expect(Y.encodeStateVector(viewer.doc)).toEqual(Y.encodeStateVector(fac.doc));
    expect(documentOf(board)).toBe('resting');

    // The next stroke is taken at rest; it reaches the other client and the disk.
    model.addStroke(stroke(100));
    await waitFor(() => viewer.doc.getMap('items').size === 31, 'the stroke relayed');
    await waitFor(() => {
      const stored = new Y.Doc();
      for (const u of side.docs.load(board.id).updates) Y.applyUpdate(stored, u);
      return stored.getMap('items').size === 31;
    }, 'the stroke stored');
    expect(documentOf(board)).toBe('resting');
  });

  it('keeps writing easels after a rest under one server client id', async () => {
    const board = await createBoard(server.url);
    const fac = open(board, board.facilitatorKey);
    await synced(fac);
    setEaselsOn(fac.doc, true);
    const ada = await joinBoard(server.url, board.id, 'Ada');
    open(board, ada.token);
    await waitFor(() => readEasels(fac.doc).length === 1, "Ada's easel");
    await waitFor(() => documentOf(board) === 'resting', 'the room to rest');
    const bo = await joinBoard(server.url, board.id, 'Bo');
    open(board, bo.token);
    await waitFor(() => readEasels(fac.doc).length === 2, "Bo's easel after the rest");
    expect(readEasels(fac.doc).map((e) => e.name).sort()).toEqual(['Ada', 'Bo']);
    // A rename while the room rests reaches everyone's label.
    await waitFor(() => documentOf(board) === 'resting', 'the room to rest once more');
    expect((await api(server.url, 'PATCH', `/api/boards/${board.id}/me`, { token: bo.token, body: { name: 'Bo Ray' } })).status).toBe(200);
    await waitFor(() => readEasels(fac.doc).some((e) => e.name === 'Bo Ray'), 'the renamed label');
    // One server id wrote both easels (a rest must not mint a new binding per wake-up).
    const frames = fac.doc.getMap('frames');
    const writers = new Set([...frames._map.values()].map((item) => item.id.client));
    expect(writers.size).toBe(1);
  });

  it('turning easels on still works after a rest (the new document is observed)', async () => {
    const board = await createBoard(server.url);
    const fac = open(board, board.facilitatorKey);
    await synced(fac);
    const cy = await joinBoard(server.url, board.id, 'Cy');
    open(board, cy.token);
    await waitFor(() => server.rooms.stats(board.id)?.connections === 2, 'two connections');
    await waitFor(() => documentOf(board) === 'resting', 'the room to rest');
    setEaselsOn(fac.doc, true);
    await waitFor(() => readEasels(fac.doc).length === 1, "Cy's easel once easels are on");
  });

  it('does not rest while private drawing is in force', async () => {
    const board = await createBoard(server.url);
    const fac = open(board, board.facilitatorKey);
    await synced(fac);
    setPhase(fac.doc, { privateDrawing: true, phase: 'drawing' });
    await waitFor(() => documentOf(board) === 'loaded', 'the room loaded');
    await new Promise((r) => setTimeout(r, REST_MS * 4));
    expect(documentOf(board)).toBe('loaded');
    setPhase(fac.doc, { privateDrawing: false });
    await waitFor(() => documentOf(board) === 'resting', 'the room to rest after the phase');
  });
});
