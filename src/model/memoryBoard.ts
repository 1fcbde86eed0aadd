/**
 * Boards over an in-memory Y.Doc, for headless tests of the layers that may not import Yjs (tools,
 * actions): a lone board, or two peers whose updates cross only when `sync()` is called.
 */
import * as Y from 'yjs';
import { Board } from './board';
import type { Easel } from './schema';

export function memoryBoard(author = 'me'): Board {
  return new Board(new Y.Doc(), author);
}

export function memoryPeers(a = 'alice', b = 'bob'): { a: Board; b: Board; sync: () => void } {
  const docA = new Y.Doc(), docB = new Y.Doc();
  const sync = (): void => {
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)));
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)));
  };
  return { a: new Board(docA, a), b: new Board(docB, b), sync };
}

/** Sets the facilitator's session flags directly (tests only; the app writes them through its own commands). */
export function setSessionFlags(board: Board, flags: { locked?: boolean; allowEditOthers?: boolean }): void {
  const session = board.doc.getMap<unknown>('session');
  board.doc.transact(() => {
    if (flags.locked !== undefined) session.set('locked', flags.locked);
    if (flags.allowEditOthers !== undefined) session.set('allowEditOthers', flags.allowEditOthers);
  });
}

/** Puts an easel into `frames` directly (tests only; easels are written by the facilitator or the server). */
export function putEasel(board: Board, easel: Easel): void {
  const doc = board.doc;
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    doc.getMap('frames').set(easel.id, map);
    for (const [key, value] of Object.entries(easel)) if (key !== 'id') map.set(key, value);
  });
}
