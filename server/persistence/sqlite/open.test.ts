import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/helpers';
import { openDatabase, type Db } from './open';

describe('WAL preallocation', () => {
  let db: Db | null = null;
  afterEach(() => db?.close());

  it('grows the WAL once at open; commits then reuse it, across checkpoints, instead of growing it', () => {
    const dir = tempDir();
    // More than one checkpoint interval (1,000 pages of 4 KiB by default) plus a transaction.
    db = openDatabase(dir, { walPreallocBytes: 6 * 1024 * 1024 });
    const wal = path.join(dir, 'sketchroom.db-wal');
    const grown = fs.statSync(wal).size;
    expect(grown).toBeGreaterThanOrEqual(6 * 1024 * 1024);
    expect(db.prepare('SELECT count(*) AS n FROM wal_filler').get()).toEqual({ n: 0 });
    const insert = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)');
    // ~3 pages a commit: well past an automatic checkpoint, after which the WAL starts over.
    for (let i = 0; i < 600; i++) insert.run('b', Buffer.alloc(480, i));
    expect(fs.statSync(wal).size).toBe(grown);
    db.close();
    db = openDatabase(dir);
    expect(db.prepare('SELECT count(*) AS n FROM updates').get()).toEqual({ n: 600 });
  });

  it('without it the WAL grows with the commits', () => {
    const dir = tempDir();
    db = openDatabase(dir);
    const wal = path.join(dir, 'sketchroom.db-wal');
    const before = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
    const insert = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)');
    for (let i = 0; i < 200; i++) insert.run('b', Buffer.alloc(480, i));
    expect(fs.statSync(wal).size).toBeGreaterThan(before + 1024 * 1024);
  });
});
