/** The SQLite storage bundle: one database file, the stores over it, one close. */
import { openDatabase } from './open';
import { SqliteBoardStore } from './SqliteBoardStore';
import { SqliteDocStore } from './SqliteDocStore';
import { SqliteImageIndex } from './SqliteImageIndex';

export interface SqliteStorage {
  boards: SqliteBoardStore;
  docs: SqliteDocStore;
  images: SqliteImageIndex;
  close(): void;
}

export function openSqliteStorage(dataDir: string, options: { groupCommitMs: number; walPreallocBytes?: number }): SqliteStorage {
  const db = openDatabase(dataDir, { walPreallocBytes: options.walPreallocBytes ?? 0 });
  const boards = new SqliteBoardStore(db);
  const docs = new SqliteDocStore(db, options);
  const images = new SqliteImageIndex(db);
  return {
    boards,
    docs,
    images,
    close() {
      docs.close();
      db.close();
    },
  };
}
