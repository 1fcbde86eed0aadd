/**
 * Composition root: config -> stores -> auth/boards -> rooms -> http + ws. The only place that
 * constructs concrete stores. `startServer()` is the programmatic entry used by tests and
 * benchmarks; running this file starts the server and prints where to reach it.
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { AuthService } from './auth/AuthService';
import { BoardService } from './boards/BoardService';
import { ConfigError, resolveConfig, type Config, type ConfigOverrides } from './config';
import { FileBlobStore } from './blobs/FileBlobStore';
import { createHttpServer } from './http/server';
import { lanOrigins } from './net/lan';
import { FailureLimiter } from './net/rateLimit';
import { openSqliteStorage } from './persistence/sqlite';
import type { CommitListener } from './persistence/types';
import type { RoomStats } from './rooms/Room';
import { EaselKeeper } from './rooms/easelKeeper';
import { RoomManager } from './rooms/RoomManager';
import { attachWebSockets } from './ws/upgrade';

export interface RoomsView {
  /** Rooms loaded in memory right now. */
  readonly size: number;
  count(): number;
  has(boardId: string): boolean;
  /** Entry counts of a loaded room's per-client maps (connections, awareness, client id bindings). */
  stats(boardId: string): RoomStats | undefined;
}

export interface RunningServer {
  port: number;
  /** http://127.0.0.1:port */
  url: string;
  config: Config;
  rooms: RoomsView;
  /**
   * Calls `listener` after every committed transaction of document updates, once per board in it:
   * `(boardId, updates, ms)` = update rows of that board in the transaction (0 if it stored only
   * client id bindings) and the transaction's duration including fsync. Returns the unsubscribe.
   * For benchmarks; costs nothing while nobody listens.
   */
  onCommit(listener: CommitListener): () => void;
  /** Graceful: stop accepting, commit, close sockets with 1012, close the database. */
  close(): Promise<void>;
}

export async function startServer(overrides: ConfigOverrides = {}): Promise<RunningServer> {
  const config = resolveConfig(overrides);
  const storage = openSqliteStorage(config.dataDir, { groupCommitMs: config.limits.groupCommitMs, walPreallocBytes: config.walPreallocBytes });
  const auth = new AuthService(storage.boards);
  const boards = new BoardService(storage.boards, auth);
  const easels = new EaselKeeper((boardId) => auth.participants(boardId));
  const rooms = new RoomManager(storage.docs, {
    idleMs: config.roomIdleMs,
    restMs: config.roomRestMs,
    compactAfterRows: config.limits.compactAfterRows,
    awarenessBatchMs: config.limits.awarenessBatchMs,
    onRoomCreated: (room) => easels.attach(room),
    roleOf: (boardId, participantId) => auth.participant(boardId, participantId)?.role ?? null,
  });
  const server = createHttpServer({
    boards,
    auth,
    maxBodyBytes: config.limits.maxBodyBytes,
    staticDir: config.staticDir,
    disconnect: (boardId, participantId, code, reason) => rooms.closeParticipant(boardId, participantId, code, reason),
    renamed: (boardId, participantId, name) => easels.renamed(rooms.loadedRoom(boardId), participantId, name),
    joinLimiter: new FailureLimiter({ limit: config.limits.maxWrongJoinCodesPerMinute, windowMs: 60_000 }),
    trustProxy: config.trustProxy,
    lanOrigins: () => lanOrigins(config.host, (server.address() as AddressInfo | null)?.port ?? config.port),
    images: {
      blobs: new FileBlobStore(config.dataDir),
      index: storage.images,
      maxBytes: config.limits.maxImageBytes,
      pixels: { maxPixels: config.limits.maxImagePixels, maxSide: config.limits.maxImageSide },
      uploads: { active: 0, max: config.limits.maxConcurrentImageUploads },
      perParticipant: new FailureLimiter({ limit: config.limits.maxImageUploadsPerParticipant, windowMs: config.limits.imageUploadWindowMs }),
      perAddress: new FailureLimiter({ limit: config.limits.maxImageUploadsPerAddress, windowMs: config.limits.imageUploadWindowMs }),
    },
  });
  const gateway = attachWebSockets(server, { auth, boards: storage.boards, rooms, limits: config.limits, trustProxy: config.trustProxy, easels });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const done = (): void => {
      server.off('error', reject);
      resolve();
    };
    if (config.host) server.listen(config.port, config.host, done);
    else server.listen(config.port, done);
  }).catch((error: unknown) => {
    storage.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      gateway.close();
      server.close(() => resolve());
      storage.docs.flush();
      rooms.closeAll();
      storage.close();
      // Keep-alive HTTP connections would hold close() open.
      server.closeAllConnections();
    });
    return closing;
  };

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    config,
    rooms: { get size() { return rooms.size; }, count: () => rooms.size, has: (id) => rooms.has(id), stats: (id) => rooms.stats(id) },
    onCommit: (listener) => storage.docs.onCommit(listener),
    close,
  };
}

async function main(): Promise<void> {
  let running: RunningServer;
  try {
    running = await startServer();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Sketchroom could not start: ${String(error)}`);
    process.exit(1);
  }
  const { port } = running;
  console.log('Sketchroom is running:');
  console.log(`  Local:   http://localhost:${port}/`);
  for (const origin of lanOrigins(running.config.host, port)) console.log(`  Network: ${origin}/`);
  const shutdown = (signal: string): void => {
    console.log(`Sketchroom: ${signal}, shutting down`);
    // Exit within 5 s whatever happens.
    setTimeout(() => process.exit(0), 5000).unref();
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
