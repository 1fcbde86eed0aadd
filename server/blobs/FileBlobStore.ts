/**
 * Picture bytes as files named by their SHA-256 under DATA_DIR/blobs/ab/abcdef... (two-character
 * fan-out keeps directories small). Why files and not SQLite rows: better-sqlite3 is synchronous,
 * and a 10 MB insert with synchronous=FULL would stall every room's live strokes for its fsync;
 * file writes and reads here are asynchronous and served as streams. The content address makes a
 * file immutable: a second upload of the same bytes is found and not written again.
 *
 * A write is atomic: a temporary file in the same directory, fsync'd, renamed over, then the
 * directory fsync'd, so a crash leaves either nothing or the whole file (never a torn picture).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const HASH = /^[0-9a-f]{64}$/;

export const isBlobHash = (v: unknown): v is string => typeof v === 'string' && HASH.test(v);

export class FileBlobStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'blobs');
    fs.mkdirSync(this.dir, { recursive: true });
  }

  pathOf(hash: string): string {
    if (!isBlobHash(hash)) throw new Error('not a blob hash');
    return path.join(this.dir, hash.slice(0, 2), hash);
  }

  /** Size in bytes of the stored blob, or null when there is none. */
  async size(hash: string): Promise<number | null> {
    try {
      const stat = await fs.promises.stat(this.pathOf(hash));
      return stat.isFile() ? stat.size : null;
    } catch {
      return null;
    }
  }

  /** Stores the bytes under their hash (the caller computed it) unless they are there already. */
  async put(hash: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(hash);
    if ((await this.size(hash)) === bytes.length) return;
    const folder = path.dirname(target);
    await fs.promises.mkdir(folder, { recursive: true });
    const temp = path.join(folder, `.${hash}.${randomBytes(6).toString('hex')}.tmp`);
    const file = await fs.promises.open(temp, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await fs.promises.rename(temp, target);
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
    await syncDir(folder);
  }

  /** A read stream of the blob (the caller checked it exists). */
  read(hash: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(hash));
  }
}

async function syncDir(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | null = null;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some filesystems cannot fsync a directory; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}
