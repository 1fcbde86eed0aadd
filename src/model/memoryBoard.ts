/**
 * Boards over an in-memory Y.Doc, for headless tests of the layers that may not import Yjs (tools,
 * actions): a lone board, or two peers whose updates cross only when `sync()` is called.
 */
import * as Y from 'yjs';
import { Board } from './board';

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
