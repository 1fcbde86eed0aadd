/**
 * A room at rest keeps its board encoded with an index of the entries (RestingBoard) and takes
 * drawing and erasing there, through the same inspector and role rules, without loading the
 * document. Over the wire nothing may tell: updates are relayed and stored, joiners get
 * everything, refusals are the same, and whatever the index cannot answer loads the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, type NewStroke } from '../../../src/model/board';
import { CloseCode } from '../../../src/protocol/closeCodes';
import { readEasels } from '../../../src/model/easels';
import { setEaselOnly, setEaselsOn } from '../../../src/model/easelSession';
import { setPhase, setSessionFlags } from '../../../src/model/session';
import type { RunningServer } from '../../index';
import { openSqliteStorage, type SqliteStorage } from '../../persistence/sqlite';
import { connect, createBoard, joinBoard, startTestServer, synced, waitFor, type Client, type CreatedBoard } from '../../testing/helpers';

const REST_MS = 200;

function stroke(i: number): NewStroke {
  return { tool: 'pen', color: '#1f2937', width: 4, points: [i, i, 0.5, i + 40, i + 10, 0.5] };
}

describe('drawing on a board at rest', () => {
  let server: RunningServer;
  let side: SqliteStorage;
  const clients: Client[] = [];
  const open = (board: CreatedBoard, token: string, doc?: Y.Doc): Client => {
    const c = connect(server.url, board.id, token, doc);
    clients.push(c);
    return c;
  };
  const stats = (board: CreatedBoard) => server.rooms.stats(board.id)!;
  const stored = (board: CreatedBoard): Y.Doc => {
    const doc = new Y.Doc();
    for (const u of side.docs.load(board.id).updates) Y.applyUpdate(doc, u);
    return doc;
  };
  const closeCode = (c: Client): Promise<number> =>
    new Promise((resolve) => c.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)));

  /** A board with the facilitator and Ada connected, at rest. */
  async function restingBoard(): Promise<{ board: CreatedBoard; fac: Client; ada: Client; adaId: string; adaToken: string }> {
    const board = await createBoard(server.url);
    const fac = open(board, board.facilitatorKey);
    const joined = await joinBoard(server.url, board.id, 'Ada');
    const ada = open(board, joined.token);
    await synced(fac);
    await synced(ada);
    await waitFor(() => stats(board).document === 'resting', 'the room at rest');
    return { board, fac, ada, adaId: joined.participantId, adaToken: joined.token };
  }

  beforeAll(async () => {
    server = await startTestServer({ roomRestMs: REST_MS });
    side = openSqliteStorage(server.config.dataDir, { groupCommitMs: 0 });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    side.close();
    await server.close();
  });

  it('takes strokes and erasures without loading the document: relayed, stored, given to joiners', async () => {
    const { board, fac, ada, adaId } = await restingBoard();
    const loads = stats(board).loads;
    const model = new Board(ada.doc, adaId);
    const ids = Array.from({ length: 20 }, (_, i) => model.addStroke(stroke(i)));
    model.deleteItems(ids.slice(0, 5));
    await waitFor(() => fac.doc.getMap('items').size === 15, 'the strokes and erasures relayed');
    await waitFor(() => stored(board).getMap('items').size === 15, 'stored');
    expect(stats(board)).toMatchObject({ document: 'resting', entries: 15, loads });

    // A joiner gets the board with what was taken at rest folded in.
    const late = open(board, board.facilitatorKey);
    await synced(late);
    expect([...late.doc.getMap('items').keys()].sort()).toEqual(ids.slice(5).sort());
    expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(fac.doc));
    expect(stats(board).loads).toBe(loads);
  });

  it("refuses erasing someone else's stroke at rest as the document would", async () => {
    const { board, fac, ada, adaId } = await restingBoard();
    const adaStroke = new Board(ada.doc, adaId).addStroke(stroke(1));
    const bo = await joinBoard(server.url, board.id, 'Bo');
    const boClient = open(board, bo.token);
    await synced(boClient);
    await waitFor(() => boClient.doc.getMap('items').has(adaStroke), "Ada's stroke at Bo's");
    const loads = stats(board).loads;
    const closed = closeCode(boClient);
    new Board(boClient.doc, bo.participantId).deleteItems([adaStroke]);
    expect(await closed).toBe(CloseCode.Forbidden);
    boClient.provider.disconnect();
    expect(fac.doc.getMap('items').has(adaStroke)).toBe(true);
    expect(stats(board)).toMatchObject({ document: 'resting', loads });
  });

  it('keeps to the session read at rest: a paused board refuses drawing, an easel-only board drawing outside the easel', async () => {
    const { board, fac, ada, adaId } = await restingBoard();
    setEaselsOn(fac.doc, true);
    setEaselOnly(fac.doc, true);
    await waitFor(() => readEasels(ada.doc).length === 1 && ada.doc.getMap('session').get('easelOnly') === true, "Ada's easel, drawing limited to it");
    await waitFor(() => stats(board).document === 'resting', 'at rest with the new settings');
    const loads = stats(board).loads;
    const easel = readEasels(ada.doc)[0]!;
    const model = new Board(ada.doc, adaId);
    const inside = model.addStroke({ ...stroke(0), points: [easel.x + 40, easel.y + 40, 0.5, easel.x + 80, easel.y + 60, 0.5] });
    await waitFor(() => fac.doc.getMap('items').has(inside), 'a stroke inside the easel taken');
    let closed = closeCode(ada);
    model.addStroke({ ...stroke(0), points: [easel.x + easel.w + 900, easel.y, 0.5, easel.x + easel.w + 950, easel.y, 0.5] });
    expect(await closed).toBe(CloseCode.Forbidden);
    expect(stats(board)).toMatchObject({ document: 'resting', loads, entries: 1 });
    ada.provider.disconnect();

    // Paused: the change loads the document; once at rest again, a stroke is refused there.
    setSessionFlags(fac.doc, { locked: true });
    const bo = await joinBoard(server.url, board.id, 'Bo');
    const boClient = open(board, bo.token);
    await synced(boClient);
    await waitFor(() => boClient.doc.getMap('session').get('locked') === true && readEasels(boClient.doc).length === 2, 'paused, with an easel for Bo');
    await waitFor(() => stats(board).document === 'resting', 'at rest while paused');
    const pausedLoads = stats(board).loads;
    const bosEasel = readEasels(boClient.doc).find((e) => e.owner === bo.participantId)!;
    closed = closeCode(boClient);
    new Board(boClient.doc, bo.participantId).addStroke({ ...stroke(0), points: [bosEasel.x + 40, bosEasel.y + 40, 0.5, bosEasel.x + 60, bosEasel.y + 50, 0.5] });
    expect(await closed).toBe(CloseCode.Forbidden);
    boClient.provider.disconnect();
    expect(stats(board)).toMatchObject({ document: 'resting', loads: pausedLoads, entries: 1 });
  });

  it('a reconnecting client that repeats old erasures in its sync step 2 is taken at rest too', async () => {
    const { board, ada, adaId } = await restingBoard();
    const model = new Board(ada.doc, adaId);
    const ids = Array.from({ length: 6 }, (_, i) => model.addStroke(stroke(i)));
    model.deleteItems(ids.slice(0, 3));
    await waitFor(() => stats(board).entries === 3, 'the erasures taken');
    ada.provider.disconnect();
    const offline = model.addStroke(stroke(50));
    const loads = stats(board).loads;
    ada.provider.connect();
    await waitFor(() => stats(board).entries === 4, 'the offline stroke taken after the reconnect');
    expect(stored(board).getMap('items').has(offline)).toBe(true);
    expect(stats(board)).toMatchObject({ document: 'resting', loads });
  });

  it('loads the document for what the index cannot tell (the session, an edit) and rests again after', async () => {
    const { board, fac, ada, adaId } = await restingBoard();
    const model = new Board(ada.doc, adaId);
    const id = model.addStroke(stroke(3));
    await waitFor(() => stats(board).entries === 1, 'the stroke taken at rest');
    const loads = stats(board).loads;
    model.moveItems([id], 10, 10);
    await waitFor(() => stats(board).loads === loads + 1, 'the document loaded for the move');
    setPhase(fac.doc, { phase: 'reveal' });
    await waitFor(() => stats(board).document === 'resting', 'at rest again');
    // Both reached the disk, and drawing goes on at rest.
    const moved = model.getItem(id)!;
    const onDisk = new Board(stored(board), adaId);
    expect(onDisk.getItem(id)).toEqual(moved);
    const after = stats(board).loads;
    model.addStroke(stroke(9));
    await waitFor(() => fac.doc.getMap('items').size === 2, 'the next stroke relayed');
    expect(stats(board).loads).toBe(after);
  });

  it('collects erased strokes after many erasures, so the board at rest does not keep their points', async () => {
    const { board, fac, ada, adaId } = await restingBoard();
    const model = new Board(ada.doc, adaId);
    const loads = stats(board).loads;
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) ids.push(model.addStroke(stroke(i)));
    model.deleteItems(ids.slice(0, 290));
    await waitFor(() => stats(board).entries === 10, 'the erasures taken');
    await waitFor(() => stats(board).loads === loads + 1 && stats(board).document === 'resting', 'one collection');
    // The collected state is what the room keeps and what the store was compacted to.
    const rows = side.docs.load(board.id).updates;
    expect(rows).toHaveLength(1);
    const records = Y.decodeUpdate(rows[0]!).structs.filter((s) => s instanceof Y.Item && s.content instanceof Y.ContentBinary);
    expect(records).toHaveLength(10);
    await waitFor(() => fac.doc.getMap('items').size === 10, 'everything relayed');
  });
});
