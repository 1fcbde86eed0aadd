/** Boards and tokens in SQLite. */
import { isRole } from '../../../src/protocol/roles';
import type { BoardRecord, BoardStore, InitialDoc, TokenRecord, TokenStore } from '../types';
import type { Db } from './open';

interface BoardRow {
  id: string;
  title: string;
  prompt: string;
  created_at: number;
}

interface TokenRow {
  token_hash: string;
  board_id: string;
  role: string;
  participant_id: string;
  name: string;
  color: string;
  revoked: number;
  created_at: number;
}

export class SqliteBoardStore implements BoardStore, TokenStore {
  private readonly insertBoardStmt;
  private readonly insertUpdateStmt;
  private readonly insertOwnerStmt;
  private readonly getBoardStmt;
  private readonly insertTokenStmt;
  private readonly findTokenStmt;
  private readonly colorCountsStmt;

  constructor(private readonly db: Db) {
    this.insertBoardStmt = db.prepare('INSERT INTO boards (id, title, prompt, created_at) VALUES (?, ?, ?, ?)');
    this.insertUpdateStmt = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)');
    this.insertOwnerStmt = db.prepare('INSERT OR IGNORE INTO client_ids (board_id, client_id, participant_id) VALUES (?, ?, ?)');
    this.getBoardStmt = db.prepare<[string], BoardRow>('SELECT id, title, prompt, created_at FROM boards WHERE id = ?');
    this.insertTokenStmt = db.prepare(
      `INSERT INTO tokens (token_hash, board_id, role, participant_id, name, color, revoked, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.findTokenStmt = db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE token_hash = ?');
    this.colorCountsStmt = db.prepare<[string], { color: string; n: number }>(
      "SELECT color, COUNT(*) AS n FROM tokens WHERE board_id = ? AND role != 'projector' GROUP BY color",
    );
  }

  createBoard(board: BoardRecord, initial: InitialDoc): void {
    this.db.transaction(() => {
      this.insertBoardStmt.run(board.id, board.title, board.prompt, board.createdAt);
      this.insertUpdateStmt.run(board.id, Buffer.from(initial.update));
      this.insertOwnerStmt.run(board.id, initial.clientId, initial.owner);
    })();
  }

  getBoard(id: string): BoardRecord | null {
    const row = this.getBoardStmt.get(id);
    return row ? { id: row.id, title: row.title, prompt: row.prompt, createdAt: row.created_at } : null;
  }

  insertToken(t: TokenRecord): void {
    this.insertTokenStmt.run(t.tokenHash, t.boardId, t.role, t.participantId, t.name, t.color, t.revoked ? 1 : 0, t.createdAt);
  }

  findToken(tokenHash: string): TokenRecord | null {
    const row = this.findTokenStmt.get(tokenHash);
    if (!row || !isRole(row.role)) return null;
    return {
      tokenHash: row.token_hash,
      boardId: row.board_id,
      role: row.role,
      participantId: row.participant_id,
      name: row.name,
      color: row.color,
      revoked: row.revoked !== 0,
      createdAt: row.created_at,
    };
  }

  colorCounts(boardId: string): Map<string, number> {
    return new Map(this.colorCountsStmt.all(boardId).map((r) => [r.color, r.n]));
  }
}
