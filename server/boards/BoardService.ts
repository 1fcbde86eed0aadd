/**
 * Creating and joining boards: the domain side of the HTTP API. A board is born with its meta
 * written by the server (initBoardDoc) and stored as its first update row, so every client,
 * offline copy or not, syncs onto the same initial state. A board also gets a join code and a
 * read-only projector key at birth; boards made before those existed get them on first use.
 */
import * as Y from 'yjs';
import { randomId } from '../../src/lib/ids';
import { initBoardDoc } from '../../src/model/board';
import { looksLikeJoinCode, normalizeJoinCode } from '../../src/protocol/api';
import type { AuthService, IssuedToken } from '../auth/AuthService';
import type { BoardRecord, BoardStore } from '../persistence/types';
import { newJoinCode } from './joinCodes';

/** Owner of the Yjs client id the server writes meta with: no participant can ever match it. */
export const SERVER_OWNER = '@server';

/** Attempts at drawing a free code before giving up (collisions are ~1e-6 each at 1,000 boards). */
const CODE_ATTEMPTS = 20;

export interface CreatedBoard {
  board: BoardRecord;
  facilitator: IssuedToken;
  joinCode: string;
  projectorKey: string;
}

export class BoardService {
  constructor(
    private readonly boards: BoardStore,
    private readonly auth: AuthService,
    private readonly now: () => number = Date.now,
    private readonly drawCode: () => string = () => newJoinCode(),
  ) {}

  create(title: string, prompt: string): CreatedBoard {
    const board: BoardRecord = { id: randomId(22), title, prompt, createdAt: this.now() };
    const doc = new Y.Doc();
    try {
      initBoardDoc(doc, { title, prompt, createdAt: board.createdAt });
      this.boards.createBoard(board, { update: Y.encodeStateAsUpdate(doc), clientId: doc.clientID, owner: SERVER_OWNER });
    } finally {
      doc.destroy();
    }
    const facilitator = this.auth.issue(board.id, 'facilitator', 'Facilitator');
    return { board, facilitator, joinCode: this.renewJoinCode(board.id), projectorKey: this.projectorKey(board.id) };
  }

  get(id: string): BoardRecord | null {
    return this.boards.getBoard(id);
  }

  join(boardId: string, name: string): IssuedToken | null {
    if (!this.boards.getBoard(boardId)) return null;
    return this.auth.issue(boardId, 'participant', name);
  }

  /** The board a typed code opens (case, spaces and dashes ignored), or null. */
  findByJoinCode(input: string): string | null {
    const code = normalizeJoinCode(input);
    if (!looksLikeJoinCode(code)) return null;
    return this.boards.findBoardByJoinCode(code);
  }

  /** The board's current join code (made on first use for older boards). */
  joinCode(boardId: string): string {
    return this.boards.getJoinCode(boardId) ?? this.renewJoinCode(boardId);
  }

  /** A fresh code, unique among open boards; the old one stops working at once. */
  renewJoinCode(boardId: string): string {
    const old = this.boards.getJoinCode(boardId);
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      const code = this.drawCode();
      if (code === old) continue;
      if (this.boards.setJoinCode(boardId, code, this.now())) return code;
    }
    throw new Error('could not find a free join code');
  }

  /** The board's read-only projector key (issued on first use for older boards). */
  projectorKey(boardId: string): string {
    const existing = this.boards.getProjectorKey(boardId);
    if (existing && this.auth.authenticate(boardId, existing)) return existing;
    const issued = this.auth.issue(boardId, 'projector', 'Projector');
    this.boards.setProjectorKey(boardId, issued.token);
    return issued.token;
  }

  /** An extra read-only projector token (tests; the board's own key is `projectorKey`). */
  createProjector(boardId: string): IssuedToken | null {
    if (!this.boards.getBoard(boardId)) return null;
    return this.auth.issue(boardId, 'projector', 'Projector');
  }
}
