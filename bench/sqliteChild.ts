/**
 * The cost of a durable SQLite commit on this disk, in a fresh process: a raw one-row transaction
 * with the server's pragmas (WAL, synchronous=FULL), and the server's own DocStore.append at 60 Hz
 * (group commit window included). Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { percentile } from './lib/stats';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const ROWS = 150;
const blob = Buffer.alloc(480, 7);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sketchroom-sqlite-'));
  const out: Record<string, unknown> = {};
  try {
    const db = new Database(join(dir, 'raw.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE updates (id INTEGER PRIMARY KEY AUTOINCREMENT, board_id TEXT NOT NULL, data BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)');
    const commitOne = db.transaction(() => insert.run('b', blob));
    const raw: number[] = [];
    let cpuUs = 0;
    for (let i = 0; i < ROWS; i++) {
      const c0 = process.cpuUsage();
      const t = performance.now();
      commitOne();
      raw.push(performance.now() - t);
      const c = process.cpuUsage(c0);
      cpuUs += c.user + c.system;
      await sleep(1000 / 60 - 1);
    }
    db.close();
    out.raw = { p50: percentile(raw, 50), p99: percentile(raw, 99), max: percentile(raw, 100), cpuUs: cpuUs / ROWS };

    try {
      const mod = (await import(new URL('../server/persistence/sqlite/index.ts', import.meta.url).href)) as {
        openSqliteStorage(dir: string, o: { groupCommitMs: number }): { docs: { append(b: string, u: Uint8Array, o: []): { done: Promise<void> } }; close(): void };
      };
      const cfg = (await import(new URL('../server/config.ts', import.meta.url).href)) as { DEFAULT_LIMITS: { groupCommitMs: number } };
      const storage = mod.openSqliteStorage(join(dir, 'store'), { groupCommitMs: cfg.DEFAULT_LIMITS.groupCommitMs });
      const store: number[] = [];
      for (let i = 0; i < ROWS; i++) {
        const t = performance.now();
        await storage.docs.append('b', blob, []).done;
        store.push(performance.now() - t);
        await sleep(Math.max(0, 1000 / 60 - (performance.now() - t)));
      }
      storage.close();
      out.store = { p50: percentile(store, 50), p99: percentile(store, 99), max: percentile(store, 100), groupCommitMs: cfg.DEFAULT_LIMITS.groupCommitMs };
    } catch (e) {
      out.storeError = e instanceof Error ? e.message : String(e);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

void main();
