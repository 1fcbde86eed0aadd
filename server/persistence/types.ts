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
  /**
   * Sets (or replaces) a board's join code. Returns false, changing nothing, if another board
   * already uses the code. Codes are unique among boards that have one (open workshops).
   */
  setJoinCode(boardId: string, code: string, now: number): boolean;
  getJoinCode(boardId: string): string | null;
  /** The board whose current join code this is (exact, normalised). */
  findBoardByJoinCode(code: string): string | null;
  /**
   * The projector key of a board, kept so the facilitator's Invite panel can show the projector
   * link again. Stored in clear: it only grants reading the board, which the database holds anyway.
   */
  setProjectorKey(boardId: string, token: string): void;
  getProjectorKey(boardId: string): string | null;
}

export interface ParticipantRecord {
  participantId: string;
  role: Role;
  name: string;
  color: string;
  /** Every token of this participant is revoked. */
  revoked: boolean;
  createdAt: number;
}

export interface TokenStore {
  insertToken(token: TokenRecord): void;
  findToken(tokenHash: string): TokenRecord | null;
  /** How many participants of this board have each colour (for the least-used pick); revoked ones do not count. */
  colorCounts(boardId: string): Map<string, number>;
  /** Everyone who holds or held a token for this board, oldest first. */
  listParticipants(boardId: string): ParticipantRecord[];
  getParticipant(boardId: string, participantId: string): ParticipantRecord | null;
  /** Revokes every token of the participant; returns how many were live. */
  revokeParticipant(boardId: string, participantId: string): number;
  /** Renames the participant on all of their tokens. */
  renameParticipant(boardId: string, participantId: string, name: string): void;
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

/**
 * Told after each committed transaction of document appends, once per board in it: how many
 * update rows of that board it held (0 when it only stored client id bindings) and how long the
 * whole transaction took, fsync included, in ms.
 */
export type CommitListener = (boardId: string, updates: number, ms: number) => void;

/** What `DocStore.append` hands back. */
export interface Appending {
  /** Settles once the transaction that holds the row has committed (fsync'd); appends settle in call order. */
  readonly done: Promise<void>;
  /** Committed before `append` returned (a quiet store commits at once), and so is every earlier append. */
  readonly durable: boolean;
}

export interface DocStore {
  load(boardId: string): StoredDoc;
  /** Appends one validated update (and any new client id bindings) durably (see Appending). */
  append(boardId: string, update: Uint8Array | null, newOwners: ReadonlyArray<readonly [number, string]>): Appending;
  /** Commits everything queued now (shutdown, before compaction). */
  flush(): void;
  /** Subscribes to commits (benchmarks); returns the unsubscribe. Costs nothing while nobody listens. */
  onCommit(listener: CommitListener): () => void;
  /** Rows currently stored for a board. */
  rowCount(boardId: string): number;
  /**
   * Merges a board's rows into one, atomically; never runs while a save of it is queued. With
   * `current`, the merged row is its result: the encoding of a loaded document that holds exactly
   * the stored rows (the live room's, which saves applying them all again to a scratch document).
   */
  compact(boardId: string, current?: () => Uint8Array): CompactionResult;
  /** The boundary of the board's private-drawing phase in force, if any (rooms/privacy/boundary.ts). */
  loadPrivacy?(boardId: string): Uint8Array | null;
  /** Stores (null: forgets) that boundary, durably, at once. */
  savePrivacy?(boardId: string, boundary: Uint8Array | null): void;
  close(): void;
}
