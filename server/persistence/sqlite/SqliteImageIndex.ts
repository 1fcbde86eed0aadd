/**
 * Which pictures belong to which board, with their sniffed type and size (the bytes are files:
 * server/blobs/FileBlobStore.ts). A row is written only after its file is durable, so a row never
 * names a missing file; a crash in between leaves an orphan file that the next upload of the same
 * bytes reuses. The board link makes (board id, hash) the capability to read a picture: a hash
 * seen on one board does not open another board's pictures.
 */
import type { ImageType } from '../../../src/model/schema';
import type { Db } from './open';

export interface ImageRecord {
  hash: string;
  mime: ImageType;
  width: number;
  height: number;
  size: number;
}

export interface ImageIndex {
  get(boardId: string, hash: string): ImageRecord | null;
  /** Links a stored blob to a board (idempotent). */
  add(boardId: string, record: ImageRecord, now: number): void;
  /** How many boards link this blob (tests, future clean-up). */
  boardsWith(hash: string): number;
}

const TABLE = `
CREATE TABLE IF NOT EXISTS board_images (
  board_id   TEXT NOT NULL REFERENCES boards(id),
  hash       TEXT NOT NULL,
  mime       TEXT NOT NULL,
  width      INTEGER NOT NULL,
  height     INTEGER NOT NULL,
  size       INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, hash)
);
CREATE INDEX IF NOT EXISTS board_images_hash ON board_images(hash);
`;

interface Row {
  hash: string;
  mime: ImageType;
  width: number;
  height: number;
  size: number;
}

export class SqliteImageIndex implements ImageIndex {
  private readonly getStmt;
  private readonly addStmt;
  private readonly countStmt;

  constructor(db: Db) {
    db.exec(TABLE);
    this.getStmt = db.prepare<[string, string], Row>('SELECT hash, mime, width, height, size FROM board_images WHERE board_id = ? AND hash = ?');
    this.addStmt = db.prepare(
      'INSERT OR IGNORE INTO board_images (board_id, hash, mime, width, height, size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.countStmt = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM board_images WHERE hash = ?');
  }

  get(boardId: string, hash: string): ImageRecord | null {
    const row = this.getStmt.get(boardId, hash);
    return row ? { hash: row.hash, mime: row.mime, width: row.width, height: row.height, size: row.size } : null;
  }

  add(boardId: string, r: ImageRecord, now: number): void {
    this.addStmt.run(boardId, r.hash, r.mime, r.width, r.height, r.size, now);
  }

  boardsWith(hash: string): number {
    return this.countStmt.get(hash)?.n ?? 0;
  }
}
