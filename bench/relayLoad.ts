/**
 * Load generator for the relay bench (its own process, pinned to core 1): 10 reader providers and
 * one writer provider that commits a stroke per 60 Hz tick through `Board.addStroke`. Latency is
 * from the moment the update leaves the writer's Y.Doc (just before the provider sends it) to the
 * moment a reader's document shows the new item, in two windows of `count` strokes: right after
 * the first `warmup` (a relay that has just started: its code is not optimised yet), and the last
 * `count` of the run, after `steadyAfter` strokes (a relay that has been running: the steady
 * state). In server mode it also polls the SQLite file from a separate read-only connection to see
 * when each stroke became durable.
 */
import Database from 'better-sqlite3';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Board } from '../src/model/board';
import { emitEvent, serveRequests } from './lib/child';
import { connect, disconnect, whenConnected, whenSynced } from './lib/providers';
import { max, percentile, shareWithin } from './lib/stats';
import { strokeSequence } from './lib/strokes';

export interface RelayLoadConfig {
  mode: 'echo' | 'server';
  base: string;
  boardId: string;
  writerToken: string;
  writerAuthor: string;
  readerTokens: string[];
  hz: number;
  warmup: number;
  count: number;
  /** Strokes sent before the steady window (>= warmup + count). */
  steadyAfter: number;
  seed: number;
  /** SQLite file of the server (server mode), polled read-only. */
  dbPath?: string;
  pollMs?: number;
}

export interface LatencyFigures {
  samples: number;
  expected: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Top level: the steady window; `early`: the window right after the warm-up. */
export interface RelayLoadResult extends LatencyFigures {
  mode: string;
  early: LatencyFigures;
  sendLagP99: number;
  durable?: { seen: number; expected: number; p50: number; p99: number; max: number; within250: number; pollMs: number };
  setupMs: number;
  clientCpuMs: number;
}

// Every provider adds a process 'exit' listener.
process.setMaxListeners(64);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function run(cfg: RelayLoadConfig): Promise<RelayLoadResult> {
  const t0 = performance.now();
  if (cfg.steadyAfter < cfg.warmup + cfg.count) throw new Error('the steady window must follow the early one');
  const strokes = strokeSequence(cfg.steadyAfter + cfg.count, { seed: cfg.seed, penShare: 0.5 });
  const sentAt = new Map<string, number>();
  const windowOf = new Map<string, 'early' | 'steady'>();
  for (const s of strokes.slice(cfg.warmup, cfg.warmup + cfg.count)) windowOf.set(s.id, 'early');
  for (const s of strokes.slice(cfg.steadyAfter)) windowOf.set(s.id, 'steady');
  const latencies = { early: [] as number[], steady: [] as number[] };
  // Durability is followed for every stroke after the warm-up.
  const measured = new Set(strokes.slice(cfg.warmup).map((s) => s.id));

  const readers: WebsocketProvider[] = [];
  for (const token of cfg.readerTokens) {
    const doc = new Y.Doc();
    doc.getMap('items').observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const sent = sentAt.get(key);
        const window = windowOf.get(key);
        if (sent !== undefined && window) latencies[window].push(now - sent);
      }
    });
    readers.push(connect(cfg.base, cfg.boardId, token, doc));
  }
  const writerDoc = new Y.Doc();
  let current = '';
  // Registered before the provider's own listener: runs just before the update is sent.
  writerDoc.on('update', () => {
    if (current) sentAt.set(current, performance.now());
  });
  const board = new Board(writerDoc, cfg.writerAuthor);
  const writer = connect(cfg.base, cfg.boardId, cfg.writerToken, writerDoc);
  const all = [...readers, writer];
  if (cfg.mode === 'server') await Promise.all(all.map((p) => whenSynced(p)));
  else {
    await Promise.all(all.map((p) => whenConnected(p)));
    await sleep(300); // the peers answer each other's sync step 1 through the relay
  }
  const setupMs = performance.now() - t0;

  // Durability: poll the database file from a separate read-only connection.
  const durableAt = new Map<string, number>();
  let poller: NodeJS.Timeout | null = null;
  let db: Database.Database | null = null;
  const pollMs = cfg.pollMs ?? 5;
  if (cfg.mode === 'server' && cfg.dbPath) {
    db = new Database(cfg.dbPath, { readonly: true, fileMustExist: true });
    const maxId = db.prepare<[string], { m: number | null }>('SELECT MAX(id) AS m FROM updates WHERE board_id = ?');
    const newer = db.prepare<[string, number], { id: number; data: Buffer }>('SELECT id, data FROM updates WHERE board_id = ? AND id > ? ORDER BY id');
    let lastId = maxId.get(cfg.boardId)?.m ?? 0;
    poller = setInterval(() => {
      const now = performance.now();
      for (const row of newer.all(cfg.boardId, lastId)) {
        lastId = row.id;
        try {
          for (const s of Y.decodeUpdate(new Uint8Array(row.data)).structs) {
            const item = s as { parent?: unknown; parentSub?: unknown };
            if (item.parent === 'items' && typeof item.parentSub === 'string' && !durableAt.has(item.parentSub)) durableAt.set(item.parentSub, now);
          }
        } catch {
          /* not ours to judge here */
        }
      }
    }, pollMs);
  }

  emitEvent('measure', { phase: 'start' });
  const cpu0 = process.cpuUsage();
  const period = 1000 / cfg.hz;
  const start = performance.now() + 20;
  const sendLag: number[] = [];
  for (let i = 0; i < strokes.length; i++) {
    const due = start + i * period;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait - 1);
    while (performance.now() < due) {
      /* spin the last millisecond: timers are coarse */
    }
    sendLag.push(performance.now() - due);
    current = strokes[i]!.id;
    board.addStroke(strokes[i]!);
    current = '';
  }
  const expected = cfg.count * readers.length;
  const delivered = (): number => latencies.early.length + latencies.steady.length;
  const deadline = performance.now() + 3000;
  while (delivered() < 2 * expected && performance.now() < deadline) await sleep(10);
  emitEvent('measure', { phase: 'end', delivered: delivered() });
  const cpu1 = process.cpuUsage(cpu0);
  let durable: RelayLoadResult['durable'];
  if (poller) {
    while (performance.now() < deadline + 1000 && [...measured].some((id) => !durableAt.has(id))) await sleep(10);
    clearInterval(poller);
    db?.close();
    const d: number[] = [];
    for (const id of measured) {
      const at = durableAt.get(id), sent = sentAt.get(id);
      d.push(at !== undefined && sent !== undefined ? at - sent : Infinity);
    }
    const seen = d.filter(Number.isFinite);
    durable = { seen: seen.length, expected: measured.size, p50: percentile(d, 50), p99: percentile(d, 99), max: max(d), within250: shareWithin(d, 250), pollMs };
  }
  await Promise.all(all.map((p) => disconnect(p)));
  board.destroy();
  return {
    mode: cfg.mode,
    ...figures(latencies.steady, expected),
    early: figures(latencies.early, expected),
    sendLagP99: percentile(sendLag, 99),
    ...(durable ? { durable } : {}),
    setupMs,
    clientCpuMs: (cpu1.user + cpu1.system) / 1000,
  };
}

function figures(latencies: number[], expected: number): LatencyFigures {
  // Missing deliveries count as infinitely late.
  const lat = [...latencies, ...Array.from({ length: Math.max(0, expected - latencies.length) }, () => Infinity)];
  return { samples: latencies.length, expected, p50: percentile(lat, 50), p90: percentile(lat, 90), p99: percentile(lat, 99), max: max(lat) };
}

serveRequests({ run: (msg) => run(msg.config as RelayLoadConfig) });
