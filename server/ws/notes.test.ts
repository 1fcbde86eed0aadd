/**
 * Notes (`annotations`) over the wire: the facilitator's notes reach everyone and are stored; a
 * participant's note is refused (4403, nothing stored) until the facilitator switches
 * `participantNotes` on, and then only on their own drawing. (inspect/notePermissions.test.ts has
 * the whole matrix without sockets.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAnnotation, editAnnotation, readAnnotations } from '../../src/model/annotations';
import { Board } from '../../src/model/board';
import type { RunningServer } from '../index';
import { openSqliteStorage, type SqliteStorage } from '../persistence/sqlite';
import { connect, createBoard, joinBoard, raw, startTestServer, synced, updateFrame, waitFor, type Client, type CreatedBoard, type Joined } from '../testing/helpers';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [10, 10, 0.5, 200, 150, 0.5] };
const region = { minX: 20, minY: 20, maxX: 80, maxY: 60 };
const TB = { minX: 0, minY: 0, maxX: 200, maxY: 150 };

describe('notes over the wire', () => {
  let server: RunningServer;
  let side: SqliteStorage;
  let board: CreatedBoard;
  let fac: Client;
  let bea: Joined;
  let beaClient: Client;
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    server = await startTestServer();
    side = openSqliteStorage(server.config.dataDir, { groupCommitMs: 0 });
    board = await createBoard(server.url);
    bea = await joinBoard(server.url, board.id, 'Bea');
    fac = connect(server.url, board.id, board.facilitatorKey);
    beaClient = connect(server.url, board.id, bea.token);
    await Promise.all([synced(fac), synced(beaClient)]);
    mine = new Board(beaClient.doc, bea.participantId).addStroke(stroke);
    theirs = new Board(fac.doc, board.participantId).addStroke(stroke);
    await waitFor(() => fac.doc.getMap('items').has(mine) && beaClient.doc.getMap('items').has(theirs), 'drawings everywhere');
  });
  afterAll(async () => {
    for (const c of [fac, beaClient]) c.close();
    side.close();
    await server.close();
  });

  const stored = (): Y.Doc => {
    const doc = new Y.Doc();
    for (const u of side.docs.load(board.id).updates) Y.applyUpdate(doc, u);
    return doc;
  };

  /** Bea sends a note made on a copy of the room's state over a raw socket; resolves with the close code. */
  async function beaNote(target: string): Promise<number | 'open'> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(fac.doc));
    const sv = Y.encodeStateVector(doc);
    addAnnotation(new Board(doc, bea.participantId), { target, region, targetBox: TB, text: 'from bea' });
    const sock = raw(server.url, board.id, bea.token);
    await sock.opened;
    sock.send(updateFrame(Y.encodeStateAsUpdate(doc, sv)));
    const result = await Promise.race([sock.closed.then((c) => c.code), new Promise<'open'>((r) => setTimeout(() => r('open'), 400))]);
    sock.ws.close();
    return result;
  }

  it("the facilitator's note reaches everyone and is stored; an edit too", async () => {
    const model = new Board(fac.doc, board.participantId);
    const id = addAnnotation(model, { target: mine, region, targetBox: TB, text: 'The river\nis my commute', speaker: 'Bea' });
    await waitFor(() => readAnnotations(beaClient.doc).length === 1, 'note relayed');
    expect(readAnnotations(beaClient.doc)[0]).toMatchObject({ target: mine, text: 'The river\nis my commute', speaker: 'Bea', number: 1 });
    editAnnotation(model, id, { text: 'Edited' });
    await waitFor(() => readAnnotations(beaClient.doc)[0]?.text === 'Edited', 'edit relayed');
    await waitFor(() => readAnnotations(stored())[0]?.text === 'Edited', 'edit stored');
  });

  it('participants: refused while the setting is off; on, only on their own drawing', async () => {
    expect(await beaNote(mine)).toBe(4403);
    fac.doc.getMap('session').set('participantNotes', true);
    await waitFor(() => beaClient.doc.getMap('session').get('participantNotes') === true, 'setting relayed');
    expect(await beaNote(theirs)).toBe(4403);
    expect(readAnnotations(stored()).map((n) => n.text)).toEqual(['Edited']);
    expect(await beaNote(mine)).toBe('open');
    await waitFor(() => readAnnotations(fac.doc).some((n) => n.text === 'from bea'), "bea's note relayed to the facilitator");
    await waitFor(() => readAnnotations(stored()).length === 2, "bea's note stored");
    expect(readAnnotations(stored()).find((n) => n.text === 'from bea')).toMatchObject({ author: bea.participantId, target: mine });
  });
});
