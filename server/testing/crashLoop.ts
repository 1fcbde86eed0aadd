/**
 * kill -9 loop, shared by the suite (server/crashLoop.test.ts, ~60 s) and the bench
 * (bench/crashLoop.ts, longer). 8 stock providers draw on one board; at a random moment the server
 * (a child process, one PID) gets SIGKILL. While it is down, the database is checked on its own:
 * `PRAGMA integrity_check`, and every stroke another client had already seen (so it was relayed,
 * so it was committed) must be in the stored document. Then the server restarts on the same port
 * and every client must reconnect and converge within the limit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
// eslint-disable-next-line no-restricted-imports -- the loop drives the server with the real client provider
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Board } from '../../src/model/board';
import { openDatabase } from '../persistence/sqlite/open';
import { SERVER_NODE_ARGS } from '../nodeFlags';
import { openSqliteStorage } from '../persistence/sqlite';
import { createBoard, joinBoard, tempDir, waitFor, wsBase } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');

export interface CrashLoopOptions {
  /** Stop starting new runs after this long (ms). */
  budgetMs: number;
  maxRuns?: number;
  clients?: number;
  /** Reconnect-and-converge limit after a restart (ms). */
  convergeMs?: number;
  log?: (line: string) => void;
}

export interface CrashRun {
  seenAtKill: number;
  lost: string[];
  integrity: string;
  /** From the restarted server listening to every client synced with identical documents. */
  convergeMs: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function spawnServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: tempDir(),
      // Every client connects from 127.0.0.1, again after every restart.
      MAX_WS_CONNECTS_PER_ADDRESS: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/Local:\s+http/.test(out)) resolve(child);
    });
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
}

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/** What the database holds for the board, read while no server runs. */
function readStored(dataDir: string, boardId: string): { integrity: string; items: Set<string> } {
  const db = openDatabase(dataDir);
  const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
  db.close();
  const storage = openSqliteStorage(dataDir, { groupCommitMs: 0 });
  const doc = new Y.Doc();
  try {
    for (const update of storage.docs.load(boardId).updates) Y.applyUpdate(doc, update);
  } finally {
    storage.close();
  }
  return { integrity, items: new Set(doc.getMap('items').keys()) };
}

interface Drawer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  board: Board;
}

export async function crashLoop(options: CrashLoopOptions): Promise<CrashRun[]> {
  const { budgetMs, maxRuns = Infinity, clients = 8, convergeMs = 5_000, log = () => {} } = options;
  const dataDir = tempDir('sketchroom-crash-');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let server = await spawnServer(dataDir, port);
  const drawers: Drawer[] = [];
  const runs: CrashRun[] = [];
  const seen = new Set<string>();
  let drawing: NodeJS.Timeout | null = null;
  let n = 0;
  const startDrawing = () => {
    drawing = setInterval(() => {
      const d = drawers[n++ % drawers.length]!;
      const x = n % 900;
      d.board.addStroke({ tool: 'pen', color: '#225588', width: 3, points: [x, 10, 0.5, x + 8, 30, 0.5, x + 3, 52, 0.5] });
    }, 4);
  };
  const stopDrawing = () => {
    if (drawing) clearInterval(drawing);
    drawing = null;
  };
  try {
    const board = await createBoard(url, 'Crash loop');
    for (let i = 0; i < clients; i++) {
      const p = await joinBoard(url, board.id, `Pen ${i + 1}`);
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(wsBase(url), board.id, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: { token: p.token },
        disableBc: true,
      });
      const items = doc.getMap('items');
      // Seen by another client: relayed by the server, so committed.
      items.observe((e, txn) => {
        if (txn.origin !== provider) return;
        for (const key of e.keysChanged) if (items.has(key)) seen.add(key);
      });
      drawers.push({ doc, provider, board: new Board(doc, p.participantId) });
    }
    await waitFor(() => drawers.every((d) => d.provider.synced), 'clients synced', 20_000);
    const started = Date.now();
    while (runs.length < maxRuns && Date.now() - started < budgetMs) {
      startDrawing();
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 1200));
      await kill9(server);
      const seenAtKill = [...seen];
      stopDrawing();
      const stored = readStored(dataDir, board.id);
      const lost = seenAtKill.filter((id) => !stored.items.has(id));
      server = await spawnServer(dataDir, port);
      const t0 = Date.now();
      let converged = true;
      try {
        await waitFor(
          () => {
            if (!drawers.every((d) => d.provider.synced)) return false;
            const sv = Y.encodeStateVector(drawers[0]!.doc).join();
            return drawers.every((d) => Y.encodeStateVector(d.doc).join() === sv);
          },
          'clients reconnected and converged',
          convergeMs * 4,
        );
      } catch {
        converged = false;
      }
      const run = { seenAtKill: seenAtKill.length, lost, integrity: stored.integrity, convergeMs: converged ? Date.now() - t0 : Infinity };
      runs.push(run);
      log(`run ${runs.length}: ${run.seenAtKill} committed strokes, lost ${lost.length}, integrity ${run.integrity}, converged in ${run.convergeMs} ms`);
    }
    return runs;
  } finally {
    stopDrawing();
    for (const d of drawers) d.provider.destroy();
    await kill9(server);
  }
}
