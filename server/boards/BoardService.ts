/**
 * Creating and joining boards: the domain side of the HTTP API. A board is born with its meta
 * written by the server (initBoardDoc) and stored as its first update row, so every client,
 * offline copy or not, syncs onto the same initial state.
 */
import * as Y from 'yjs';
import { randomId } from '../../src/lib/ids';
import { initBoardDoc } from '../../src/model/board';
import type { AuthService, IssuedToken } from '../auth/AuthService';
import type { BoardRecord, BoardStore } from '../persistence/types';

/** Owner of the Yjs client id the server writes meta with: no participant can ever match it. */
export const SERVER_OWNER = '@server';

export class BoardService {
  constructor(private readonly boards: BoardStore, private readonly auth: AuthService, private readonly now: () => number = Date.now) {}

  create(title: string, prompt: string): { board: BoardRecord; facilitator: IssuedToken } {
    const board: BoardRecord = { id: randomId(22), title, prompt, createdAt: this.now() };
    const doc = new Y.Doc();
    try {
      initBoardDoc(doc, { title, prompt, createdAt: board.createdAt });
      this.boards.createBoard(board, { update: Y.encodeStateAsUpdate(doc), clientId: doc.clientID, owner: SERVER_OWNER });
    } finally {
      doc.destroy();
    }
    return { board, facilitator: this.auth.issue(board.id, 'facilitator', 'Facilitator') };
  }

  get(id: string): BoardRecord | null {
    return this.boards.getBoard(id);
  }

  join(boardId: string, name: string): IssuedToken | null {
    if (!this.boards.getBoard(boardId)) return null;
    return this.auth.issue(boardId, 'participant', name);
  }

  /** The read-only projector token (used by the projector issue; no HTTP route yet). */
  createProjector(boardId: string): IssuedToken | null {
    if (!this.boards.getBoard(boardId)) return null;
    return this.auth.issue(boardId, 'projector', 'Projector');
  }
}
