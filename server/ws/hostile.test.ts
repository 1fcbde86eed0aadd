/**
 * Hostile and broken input: each gets its close code, the stored document does not change, and a
 * third client in the same room keeps syncing throughout.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../src/model/board';
import { encodeLiveFromClient } from '../../src/protocol/liveStroke';
import { AuthService } from '../auth/AuthService';
import type { RunningServer } from '../index';
import { openSqliteStorage, type SqliteStorage } from '../persistence/sqlite';
import {
  connect, createBoard, joinBoard, raw, startTestServer, synced, updateFrame, waitFor,
  type Client, type CreatedBoard, type Joined,
} from '../testing/helpers';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [1, 2, 0.5, 5, 6, 0.5] };

describe('hostile input', () => {
  let server: RunningServer;
  let side: SqliteStorage;
  let board: CreatedBoard;
  let third: Joined;
  let facilitator: Client;
  let witness: Client;

  beforeAll(async () => {
    server = await startTestServer();
    side = openSqliteStorage(server.config.dataDir, { groupCommitMs: 0 });
    board = await createBoard(server.url);
    third = await joinBoard(server.url, board.id, 'Witness');
    facilitator = connect(server.url, board.id, board.facilitatorKey);
    witness = connect(server.url, board.id, third.token);
    await Promise.all([synced(facilitator), synced(witness)]);
  });
  afterAll(async () => {
    facilitator.close();
    witness.close();
    side.close();
    await server.close();
  });

  function storedState(): Uint8Array {
    const doc = new Y.Doc();
    for (const u of side.docs.load(board.id).updates) Y.applyUpdate(doc, u);
    const sv = Y.encodeStateVector(doc);
    doc.destroy();
    return sv;
  }

  /** Sends frames from a fresh participant connection and returns its close code. */
  async function expectClose(frames: (participantId: string) => Uint8Array[], code: number, token?: string): Promise<void> {
    const before = storedState();
    const who = await joinBoard(server.url, board.id, 'Mallory');
    const bad = raw(server.url, board.id, token ?? who.token);
    await bad.opened;
    for (const f of frames(who.participantId)) bad.send(f);
    const closed = await bad.closed;
    expect(closed.code).toBe(code);
    if (code !== 1009) expect(closed.reason.length).toBeGreaterThan(0);
    expect(storedState()).toEqual(before);
    // The room goes on: the witness draws, the facilitator sees it.
    const mine = new Board(witness.doc, third.participantId);
    const id = mine.addStroke(stroke);
    await waitFor(() => facilitator.doc.getMap('items').has(id), 'witness stroke at facilitator');
  }

  const strokeUpdate = (participantId: string, clientID?: number): { doc: Y.Doc; update: Uint8Array } => {
    const doc = new Y.Doc();
    if (clientID !== undefined) doc.clientID = clientID;
    new Board(doc, participantId).addStroke(stroke);
    return { doc, update: Y.encodeStateAsUpdate(doc) };
  };

  it('oversized frame -> 1009', async () => {
    await expectClose(() => [new Uint8Array(1024 * 1024 + 16)], 1009);
  });

  it('garbage bytes -> 4400', async () => {
    await expectClose(() => [Uint8Array.from([0xff, 0xff, 0xff, 0x7f, 1, 2, 3])], 4400);
  });

  it('undecodable update -> 4400', async () => {
    const junk = new Uint8Array(200).map((_, i) => (i * 37 + 11) & 0xff);
    await expectClose(() => [updateFrame(junk)], 4400);
  });

  it('truncated update -> 4400', async () => {
    await expectClose((pid) => {
      const { update } = strokeUpdate(pid);
      return [updateFrame(update.slice(0, update.length - 7))];
    }, 4400);
  });

  it('V2 update -> 4400', async () => {
    await expectClose((pid) => {
      const doc = new Y.Doc();
      new Board(doc, pid).addStroke(stroke);
      return [updateFrame(Y.encodeStateAsUpdateV2(doc))];
    }, 4400);
  });

  it('absurd struct count -> 4400', async () => {
    await expectClose(() => {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 1); // one client
      encoding.writeVarUint(enc, 2 ** 31); // structs
      encoding.writeVarUint(enc, 1234); // client
      encoding.writeVarUint(enc, 0); // clock
      return [updateFrame(encoding.toUint8Array(enc))];
    }, 4400);
  });

  it('clock gap -> 4400', async () => {
    await expectClose((pid) => {
      const doc = new Y.Doc();
      const b = new Board(doc, pid);
      b.addStroke(stroke);
      const sv = Y.encodeStateVector(doc);
      b.addStroke(stroke);
      return [updateFrame(Y.encodeStateAsUpdate(doc, sv))];
    }, 4400);
  });

  it("spoofing another participant's client id -> 4400", async () => {
    // Continue the witness's own clock, so the structs are new to the server.
    await expectClose((pid) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(witness.doc));
      const sv = Y.encodeStateVector(doc);
      doc.clientID = witness.doc.clientID;
      new Board(doc, pid).addStroke(stroke);
      return [updateFrame(Y.encodeStateAsUpdate(doc, sv))];
    }, 4400);
  });

  it('unknown root type -> 4400', async () => {
    await expectClose(() => {
      const doc = new Y.Doc();
      doc.getMap('evil').set('x', 1);
      return [updateFrame(Y.encodeStateAsUpdate(doc))];
    }, 4400);
  });

  it('subdocument -> 4400', async () => {
    await expectClose(() => {
      const doc = new Y.Doc();
      doc.getMap('items').set('abcdefgh', new Y.Doc());
      return [updateFrame(Y.encodeStateAsUpdate(doc))];
    }, 4400);
  });

  it('malformed stroke record at the root of items -> 4400', async () => {
    await expectClose(() => {
      const doc = new Y.Doc();
      doc.getMap('items').set('abcdefgh01', Uint8Array.from([1, 0, 200, 1, 2]));
      return [updateFrame(Y.encodeStateAsUpdate(doc))];
    }, 4400);
  });

  it('binary content inside an item map -> 4400', async () => {
    await expectClose((pid) => {
      const doc = new Y.Doc();
      const m = new Y.Map<unknown>();
      doc.getMap('items').set('abcdefgh02', m);
      m.set('kind', 'shape');
      m.set('author', pid);
      m.set('points', Uint8Array.from([1, 2, 3]));
      return [updateFrame(Y.encodeStateAsUpdate(doc))];
    }, 4400);
  });

  it("replacing someone else's stroke record (move) -> 4403", async () => {
    const id = new Board(witness.doc, third.participantId).addStroke(stroke);
    await waitFor(() => facilitator.doc.getMap('items').has(id), 'stroke relayed');
    await expectClose((pid) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(facilitator.doc));
      const sv = Y.encodeStateVector(doc);
      new Board(doc, pid).moveItems([id], 10, 10);
      return [updateFrame(Y.encodeStateAsUpdate(doc, sv))];
    }, 4403);
  });

  it('projector write -> 4403 (and projector live -> 4403)', async () => {
    const auth = new AuthService(side.boards);
    const projector = auth.issue(board.id, 'projector', 'Projector');
    await expectClose((pid) => [updateFrame(strokeUpdate(pid).update)], 4403, projector.token);
    const other = auth.issue(board.id, 'projector', 'Projector');
    await expectClose(
      () => [encodeLiveFromClient({ type: 'end', key: 1 })],
      4403,
      other.token,
    );
  });

  it('a projector provider can still read the board', async () => {
    const auth = new AuthService(side.boards);
    const projector = auth.issue(board.id, 'projector', 'Projector');
    const p = connect(server.url, board.id, projector.token);
    await synced(p);
    const id = new Board(witness.doc, third.participantId).addStroke(stroke);
    await waitFor(() => p.doc.getMap('items').has(id), 'projector sees strokes');
    expect(p.provider.wsconnected).toBe(true);
    p.close();
  });

  it("participant deleting someone else's stroke -> 4403; facilitator may", async () => {
    const id = new Board(witness.doc, third.participantId).addStroke(stroke);
    await waitFor(() => facilitator.doc.getMap('items').has(id), 'stroke relayed');
    const who = await joinBoard(server.url, board.id, 'Eve');
    const eve = connect(server.url, board.id, who.token);
    const closed = new Promise<number>((resolve) => eve.provider.on('closed', (e: { code: number }) => resolve(e.code)));
    await synced(eve);
    new Board(eve.doc, who.participantId).deleteItems([id]);
    expect(await closed).toBe(4403);
    expect(facilitator.doc.getMap('items').has(id)).toBe(true);
    eve.close();
    new Board(facilitator.doc, board.participantId).deleteItems([id]);
    await waitFor(() => !witness.doc.getMap('items').has(id), 'facilitator deletion relayed');
  });

  it('participant writing facilitator state -> 4403', async () => {
    await expectClose((pid) => {
      const doc = new Y.Doc();
      new Board(doc, pid);
      doc.getMap('session').set('locked', true);
      return [updateFrame(Y.encodeStateAsUpdate(doc))];
    }, 4403);
  });
});
