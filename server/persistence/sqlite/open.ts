/**
 * Opens the SQLite database with the durability settings the server relies on and creates the
 * tables. WAL + synchronous=FULL: a committed transaction survives kill -9 and power loss.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  prompt     TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  token_hash     TEXT PRIMARY KEY,
  board_id       TEXT NOT NULL REFERENCES boards(id),
  role           TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  name           TEXT NOT NULL,
  color          TEXT NOT NULL,
  revoked        INTEGER NOT NULL DEFAULT 0,
  created_at     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_board ON tokens(board_id);
-- One current join code per open board; renewing replaces the row (the old code stops working).
CREATE TABLE IF NOT EXISTS join_codes (
  code       TEXT PRIMARY KEY,
  board_id   TEXT NOT NULL UNIQUE REFERENCES boards(id),
  created_at INTEGER NOT NULL
);
-- The read-only projector key, in clear (see BoardStore.setProjectorKey).
CREATE TABLE IF NOT EXISTS projector_keys (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  token    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_participant ON tokens(board_id, participant_id);
-- Append-only: one row per validated update; compaction replaces a prefix by one merged row.
CREATE TABLE IF NOT EXISTS updates (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL,
  data     BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_board ON updates(board_id, id);
-- Which participant owns each Yjs client id of a board (spoofing check survives restarts).
CREATE TABLE IF NOT EXISTS client_ids (
  board_id       TEXT NOT NULL,
  client_id      INTEGER NOT NULL,
  participant_id TEXT NOT NULL,
  PRIMARY KEY (board_id, client_id)
);
-- The boundary of a board's private-drawing phase while one is in force (server/rooms/privacy).
CREATE TABLE IF NOT EXISTS privacy_boundaries (
  board_id TEXT PRIMARY KEY,
  data     BLOB NOT NULL
);
`;

export function openDatabase(dataDir: string, fileName = 'sketchroom.db'): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, fileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}
