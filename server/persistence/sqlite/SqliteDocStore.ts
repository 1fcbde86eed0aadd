/**
 * Board documents in SQLite as append-only update rows, with group commit and compaction.
 * better-sqlite3 is synchronous, so a flush and a compaction can never interleave: compaction
 * first flushes the queue, then reads, merges and deletes inside one transaction (a crash in the
 * middle rolls back and loses nothing).
 */
import { GroupCommitter } from '../groupCommit';
import { mergeStoredUpdates } from '../mergeUpdates';
import type { Appending, CommitListener, CompactionResult, DocStore, StoredDoc } from '../types';
import type { Db } from './open';

/**
 * A row's bytes as a plain Uint8Array over the Buffer better-sqlite3 returned, without copying: each
 * read hands out a Buffer of its own that nothing else holds or writes (a board's row can be
 * megabytes, and a cold join waits for this read).
 */
function rowBytes(data: Buffer): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

interface AppendJob {
  boardId: string;
  update: Uint8Array | null;
  newOwners: ReadonlyArray<readonly [number, string]>;
}

export class SqliteDocStore implements DocStore {
  private readonly committer: GroupCommitter<AppendJob>;
  private closed = false;
  private readonly commitListeners = new Set<CommitListener>();
  private readonly selectUpdates;
  private readonly selectOwners;
  private readonly insertUpdate;
  private readonly insertOwner;
  private readonly countRows;
  private readonly maxRowId;
  private readonly deleteUpTo;
  private readonly selectPrivacy;
  private readonly upsertPrivacy;
  private readonly deletePrivacy;

  constructor(private readonly db: Db, options: { groupCommitMs: number }) {
    this.selectUpdates = db.prepare<[string], { id: number; data: Buffer }>(
      'SELECT id, data FROM updates WHERE board_id = ? ORDER BY id',
    );
    this.selectOwners = db.prepare<[string], { client_id: number; participant_id: string }>(
      'SELECT client_id, participant_id FROM client_ids WHERE board_id = ?',
    );
    this.insertUpdate = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)');
    // IGNORE: a binding is immutable once made; the first owner wins.
    this.insertOwner = db.prepare('INSERT OR IGNORE INTO client_ids (board_id, client_id, participant_id) VALUES (?, ?, ?)');
    this.countRows = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM updates WHERE board_id = ?');
    this.maxRowId = db.prepare<[string], { m: number | null }>('SELECT MAX(id) AS m FROM updates WHERE board_id = ?');
    this.deleteUpTo = db.prepare('DELETE FROM updates WHERE board_id = ? AND id <= ?');
    this.selectPrivacy = db.prepare<[string], { data: Buffer }>('SELECT data FROM privacy_boundaries WHERE board_id = ?');
    this.upsertPrivacy = db.prepare('INSERT INTO privacy_boundaries (board_id, data) VALUES (?, ?) ON CONFLICT(board_id) DO UPDATE SET data = excluded.data');
    this.deletePrivacy = db.prepare('DELETE FROM privacy_boundaries WHERE board_id = ?');
    const commitBatch = db.transaction((jobs: AppendJob[]) => {
      for (const job of jobs) {
        for (const [clientId, owner] of job.newOwners) this.insertOwner.run(job.boardId, clientId, owner);
        if (job.update) this.insertUpdate.run(job.boardId, Buffer.from(job.update));
      }
    });
    const commit = (jobs: AppendJob[]): void => {
      if (this.commitListeners.size === 0) {
        commitBatch(jobs);
        return;
      }
      const t0 = performance.now();
      commitBatch(jobs);
      this.notifyCommit(jobs, performance.now() - t0);
    };
    this.committer = new GroupCommitter<AppendJob>({ commit, windowMs: options.groupCommitMs });
  }

  load(boardId: string): StoredDoc {
    // Queued appends of this board must be visible to a reload.
    this.committer.flush();
    const updates = this.selectUpdates.all(boardId).map((r) => rowBytes(r.data));
    const clientOwners = new Map(this.selectOwners.all(boardId).map((r) => [r.client_id, r.participant_id]));
    return { updates, clientOwners };
  }

  append(boardId: string, update: Uint8Array | null, newOwners: ReadonlyArray<readonly [number, string]>): Appending {
    if (this.closed) return { done: Promise.reject(new Error('document store is closed')), durable: false };
    return this.committer.enqueue({ boardId, update, newOwners });
  }

  flush(): void {
    this.committer.flush();
  }

  onCommit(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => {
      this.commitListeners.delete(listener);
    };
  }

  /** After the transaction: a throwing listener must not fail appends that are already durable. */
  private notifyCommit(jobs: readonly AppendJob[], ms: number): void {
    const perBoard = new Map<string, number>();
    for (const job of jobs) perBoard.set(job.boardId, (perBoard.get(job.boardId) ?? 0) + (job.update ? 1 : 0));
    for (const listener of [...this.commitListeners]) {
      for (const [boardId, updates] of perBoard) {
        try {
          listener(boardId, updates, ms);
        } catch (error) {
          console.warn(`sketchroom: a commit listener threw: ${String(error)}`);
        }
      }
    }
  }

  rowCount(boardId: string): number {
    return this.countRows.get(boardId)?.n ?? 0;
  }

  compact(boardId: string, current?: () => Uint8Array): CompactionResult {
    this.committer.flush();
    return this.db.transaction((): CompactionResult => {
      const upTo = this.maxRowId.get(boardId)?.m ?? null;
      if (upTo === null) return { merged: 0 };
      if (current) {
        // The caller's document holds exactly the stored rows (all appends are flushed above).
        const n = this.countRows.get(boardId)?.n ?? 0;
        if (n < 2) return { merged: 0 };
        this.deleteUpTo.run(boardId, upTo);
        this.insertUpdate.run(boardId, Buffer.from(current()));
        return { merged: n };
      }
      const rows = this.selectUpdates.all(boardId).filter((r) => r.id <= upTo);
      if (rows.length < 2) return { merged: 0 };
      // Every stored row was validated before it was appended, so the merge sees only
      // validated updates; mergeStoredUpdates throws (rolling back) if anything stays pending.
      const merged = mergeStoredUpdates(rows.map((r) => rowBytes(r.data)));
      this.deleteUpTo.run(boardId, upTo);
      this.insertUpdate.run(boardId, Buffer.from(merged));
      return { merged: rows.length };
    }).immediate();
  }

  loadPrivacy(boardId: string): Uint8Array | null {
    const row = this.selectPrivacy.get(boardId);
    return row ? rowBytes(row.data) : null;
  }

  savePrivacy(boardId: string, boundary: Uint8Array | null): void {
    if (this.closed) return;
    if (boundary) this.upsertPrivacy.run(boardId, Buffer.from(boundary));
    else this.deletePrivacy.run(boardId);
  }

  /** Commits what is queued; the owner of the database closes it afterwards. */
  close(): void {
    this.closed = true;
    this.committer.flush();
  }
}
