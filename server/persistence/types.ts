/**
 * Storage seams. The rest of the server depends on these interfaces only; `index.ts` is the one
 * place that constructs a concrete store (SQLite today, room for Postgres later).
 */
import type { Role } from '../../src/protocol/roles';

export interface BoardRecord {
  id: string;
  title: string;
  prompt: string;
  createdAt: number;
}

export interface TokenRecord {
  /** sha256 of the token, hex. The token itself is never stored. */
  tokenHash: string;
  boardId: string;
  role: Role;
  participantId: string;
  name: string;
  color: string;
  revoked: boolean;
  createdAt: number;
}

/** A board's first document state, written with the board in one transaction. */
export interface InitialDoc {
  update: Uint8Array;
  /** The Yjs client id the server used to write it; bound to a reserved owner. */
  clientId: number;
  owner: string;
}

export interface BoardStore {
  createBoard(board: BoardRecord, initial: InitialDoc): void;
  getBoard(id: string): BoardRecord | null;
}

export interface TokenStore {
  insertToken(token: TokenRecord): void;
  findToken(tokenHash: string): TokenRecord | null;
  /** How many participants of this board have each colour (for the least-used pick). */
  colorCounts(boardId: string): Map<string, number>;
}

export interface StoredDoc {
  /** Validated updates, oldest first; applying them all gives the board's document. */
  updates: Uint8Array[];
  /** Yjs client id -> participant id, so a reload with an offline copy keeps its identity. */
  clientOwners: Map<number, string>;
}

export interface CompactionResult {
  /** Rows merged into one (0 = nothing to do). */
  merged: number;
}

export interface DocStore {
  load(boardId: string): StoredDoc;
  /**
   * Appends one validated update (and any new client id bindings) durably. Resolves after the
   * transaction that contains it has committed (fsync'd); appends resolve in call order.
   */
  append(boardId: string, update: Uint8Array | null, newOwners: ReadonlyArray<readonly [number, string]>): Promise<void>;
  /** Commits everything queued now (shutdown, before compaction). */
  flush(): void;
  /** Rows currently stored for a board. */
  rowCount(boardId: string): number;
  /** Merges a board's rows into one, atomically; never runs while a save of it is queued. */
  compact(boardId: string): CompactionResult;
  close(): void;
}
