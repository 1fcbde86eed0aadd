/** Boards and tokens in SQLite. */
import { isRole } from '../../../src/protocol/roles';
import type { BoardRecord, BoardStore, InitialDoc, ParticipantRecord, TokenRecord, TokenStore } from '../types';
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

interface ParticipantRow {
  participant_id: string;
  role: string;
  name: string;
  color: string;
  live: number;
  created_at: number;
}

function toParticipant(row: ParticipantRow): ParticipantRecord | null {
  if (!isRole(row.role)) return null;
  return {
    participantId: row.participant_id,
    role: row.role,
    name: row.name,
    color: row.color,
    revoked: row.live === 0,
    createdAt: row.created_at,
  };
}

const PARTICIPANT_COLUMNS = `participant_id, MIN(role) AS role, MIN(name) AS name, MIN(color) AS color,
  SUM(revoked = 0) AS live, MIN(created_at) AS created_at`;

export class SqliteBoardStore implements BoardStore, TokenStore {
  private readonly insertBoardStmt;
  private readonly insertUpdateStmt;
  private readonly insertOwnerStmt;
  private readonly getBoardStmt;
  private readonly insertTokenStmt;
  private readonly findTokenStmt;
  private readonly colorCountsStmt;
  private readonly deleteJoinCodeStmt;
  private readonly insertJoinCodeStmt;
  private readonly getJoinCodeStmt;
  private readonly findByJoinCodeStmt;
  private readonly setProjectorKeyStmt;
  private readonly getProjectorKeyStmt;
  private readonly listParticipantsStmt;
  private readonly getParticipantStmt;
  private readonly revokeStmt;
  private readonly renameStmt;

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
      "SELECT color, COUNT(DISTINCT participant_id) AS n FROM tokens WHERE board_id = ? AND role != 'projector' AND revoked = 0 GROUP BY color",
    );
    this.deleteJoinCodeStmt = db.prepare('DELETE FROM join_codes WHERE board_id = ?');
    this.insertJoinCodeStmt = db.prepare('INSERT OR IGNORE INTO join_codes (code, board_id, created_at) VALUES (?, ?, ?)');
    this.getJoinCodeStmt = db.prepare<[string], { code: string }>('SELECT code FROM join_codes WHERE board_id = ?');
    this.findByJoinCodeStmt = db.prepare<[string], { board_id: string }>('SELECT board_id FROM join_codes WHERE code = ?');
    this.setProjectorKeyStmt = db.prepare('INSERT OR REPLACE INTO projector_keys (board_id, token) VALUES (?, ?)');
    this.getProjectorKeyStmt = db.prepare<[string], { token: string }>('SELECT token FROM projector_keys WHERE board_id = ?');
    this.listParticipantsStmt = db.prepare<[string], ParticipantRow>(
      `SELECT ${PARTICIPANT_COLUMNS} FROM tokens WHERE board_id = ? GROUP BY participant_id ORDER BY MIN(created_at), MIN(rowid)`,
    );
    this.getParticipantStmt = db.prepare<[string, string], ParticipantRow>(
      `SELECT ${PARTICIPANT_COLUMNS} FROM tokens WHERE board_id = ? AND participant_id = ? GROUP BY participant_id`,
    );
    this.revokeStmt = db.prepare('UPDATE tokens SET revoked = 1 WHERE board_id = ? AND participant_id = ? AND revoked = 0');
    this.renameStmt = db.prepare('UPDATE tokens SET name = ? WHERE board_id = ? AND participant_id = ?');
  }

  setJoinCode(boardId: string, code: string, now: number): boolean {
    return this.db.transaction((): boolean => {
      const taken = this.findByJoinCodeStmt.get(code);
      if (taken) return taken.board_id === boardId;
      this.deleteJoinCodeStmt.run(boardId);
      return this.insertJoinCodeStmt.run(code, boardId, now).changes === 1;
    }).immediate();
  }

  getJoinCode(boardId: string): string | null {
    return this.getJoinCodeStmt.get(boardId)?.code ?? null;
  }

  findBoardByJoinCode(code: string): string | null {
    return this.findByJoinCodeStmt.get(code)?.board_id ?? null;
  }

  setProjectorKey(boardId: string, token: string): void {
    this.setProjectorKeyStmt.run(boardId, token);
  }

  getProjectorKey(boardId: string): string | null {
    return this.getProjectorKeyStmt.get(boardId)?.token ?? null;
  }

  listParticipants(boardId: string): ParticipantRecord[] {
    return this.listParticipantsStmt.all(boardId).flatMap((row) => toParticipant(row) ?? []);
  }

  getParticipant(boardId: string, participantId: string): ParticipantRecord | null {
    const row = this.getParticipantStmt.get(boardId, participantId);
    return row ? toParticipant(row) : null;
  }

  revokeParticipant(boardId: string, participantId: string): number {
    return this.revokeStmt.run(boardId, participantId).changes;
  }

  renameParticipant(boardId: string, participantId: string, name: string): void {
    this.renameStmt.run(name, boardId, participantId);
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
