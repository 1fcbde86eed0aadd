/** The SQLite storage bundle: one database file, the stores over it, one close. */
import { openDatabase } from './open';
import { SqliteBoardStore } from './SqliteBoardStore';
import { SqliteDocStore } from './SqliteDocStore';

export interface SqliteStorage {
  boards: SqliteBoardStore;
  docs: SqliteDocStore;
  close(): void;
}

export function openSqliteStorage(dataDir: string, options: { groupCommitMs: number }): SqliteStorage {
  const db = openDatabase(dataDir);
  const boards = new SqliteBoardStore(db);
  const docs = new SqliteDocStore(db, options);
  return {
    boards,
    docs,
    close() {
      docs.close();
      db.close();
    },
  };
}
