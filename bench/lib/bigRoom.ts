/**
 * The 10,000-stroke board on a real server: created through POST /api/boards and filled by the
 * facilitator's WebsocketProvider (strokes through Board.addStroke, 250 per transaction so that a
 * message stays far below the 1 MiB frame cap). Prepared once per run in its own data dir; each
 * bench then starts a fresh server process on it (a cold room).
 */
import * as Y from 'yjs';
import { Board } from '../../src/model/board';
import { createBoard, type CreatedBoard } from './api';
import { bigBoardStrokes } from './bigBoard';
import { connect, disconnect, whenSynced } from './providers';
import { freshDataDir, startSketchroom } from './server';

export interface BigRoom {
  dataDir: string;
  board: CreatedBoard;
  strokes: number;
  /** Y.encodeStateAsUpdate of the whole board document. */
  encodedBytes: number;
  /** The encoded document, for an in-process baseline. */
  encoded: Uint8Array;
  prepareMs: number;
}

let prepared: Promise<BigRoom> | null = null;
const BATCH = 250;

export function prepareBigRoom(): Promise<BigRoom> {
  prepared ??= build();
  return prepared;
}

async function build(): Promise<BigRoom> {
  const t0 = performance.now();
  const dataDir = freshDataDir('bigroom');
  const server = await startSketchroom(dataDir);
  try {
    const board = await createBoard(server.url, 'Ten thousand strokes');
    const doc = new Y.Doc();
    const writer = connect(server.url, board.id, board.facilitatorKey, doc);
    await whenSynced(writer);
    const model = new Board(doc, board.participantId);
    const strokes = bigBoardStrokes();
    for (let i = 0; i < strokes.length; i += BATCH) {
      doc.transact(() => {
        for (const s of strokes.slice(i, i + BATCH)) model.addStroke(s);
      });
      // Let the socket drain between batches.
      await new Promise((r) => setTimeout(r, 5));
    }
    // The server has it all when a fresh reader sees every stroke.
    const deadline = performance.now() + 60_000;
    for (;;) {
      const probe = connect(server.url, board.id, board.facilitatorKey);
      await whenSynced(probe);
      const n = probe.doc.getMap('items').size;
      await disconnect(probe);
      if (n >= strokes.length) break;
      if (performance.now() > deadline) throw new Error(`server holds ${n} of ${strokes.length} strokes`);
      await new Promise((r) => setTimeout(r, 500));
    }
    await disconnect(writer);
    model.destroy();
    const encoded = Y.encodeStateAsUpdate(doc);
    return { dataDir, board, strokes: strokes.length, encodedBytes: encoded.length, encoded, prepareMs: performance.now() - t0 };
  } finally {
    await server.stop();
  }
}
