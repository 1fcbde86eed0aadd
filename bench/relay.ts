/**
 * Target 3, relay: 10 reading clients and one writer at 60 Hz, through the bare ws echo relay
 * (baseline) and through the Sketchroom server (candidate), alternating in fresh processes (ABAB),
 * server on core 0 and load generator on core 1. Ratios are medians of paired ratios. Targets are
 * judged on the steady window (relayLoad.ts), the first seconds after start shown beside. Also: the
 * cost of a durable SQLite commit on its own, and when each stroke became durable (polled from the
 * database file by a separate read-only connection).
 */
import { join } from 'node:path';
import { createBoard, joinBoard } from './lib/api';
import { Child, benchDir } from './lib/child';
import { runJsonProcess } from './lib/runOnce';
import { LOADGEN_CORE, freshDataDir, serverAvailable, startEchoRelay, startSketchroom, type ServerHandle } from './lib/server';
import { median } from './lib/stats';
import { le, type Row } from './lib/table';
import type { RelayLoadConfig, RelayLoadResult } from './relayLoad';
import type { BenchOutput } from './run';

/** Five pairs: the p50 ratio sits near its target, and a run of this VM swings by a third. */
const PAIRS = 5;
const READERS = 10;
const HZ = 60;
const WARMUP = 30;
const COUNT = 210;
/**
 * The steady window starts after this many strokes (~10 s at 60 Hz). A relay process that has just
 * started runs its per-message code unoptimised for its first few hundred messages (measured: our
 * server's work before the commit, 0.39 ms per update in the first 240, 0.28 after 1,500), and a
 * workshop's server has long been past that; the early window still shows those first seconds.
 */
const STEADY_AFTER = 600;

interface RunFigures extends RelayLoadResult {
  serverCpuPerDeliveredUs: number;
  serverUserUs: number;
  serverSystemUs: number;
}

/** A run whose load generator missed its 60 Hz schedule this badly was starved by other load. */
const STARVED_SEND_LAG_MS = 25;
const MAX_RERUNS = 1;

async function drive(server: ServerHandle, config: RelayLoadConfig): Promise<RunFigures> {
  const load = new Child(join(benchDir, 'relayLoad.ts'), { core: LOADGEN_CORE });
  const cpu: { start?: Promise<{ user: number; system: number }>; end?: Promise<{ user: number; system: number }> } = {};
  load.onEvent((msg) => {
    if (msg.phase === 'start') cpu.start = server.cpu();
    if (msg.phase === 'end') cpu.end = server.cpu();
  });
  try {
    const result = await load.request<RelayLoadResult>('run', { config }, 90_000);
    const [a, b] = await Promise.all([cpu.start, cpu.end]);
    const user = a && b ? b.user - a.user : NaN;
    const system = a && b ? b.system - a.system : NaN;
    return { ...result, serverCpuPerDeliveredUs: (user + system) / ((config.steadyAfter + config.count) * config.readerTokens.length), serverUserUs: user, serverSystemUs: system };
  } finally {
    await load.stop();
  }
}

async function echoRun(seed: number): Promise<RunFigures> {
  const relay = await startEchoRelay();
  try {
    return await drive(relay, {
      mode: 'echo',
      base: relay.url,
      boardId: 'EchoEchoEchoEchoEcho00',
      writerToken: 'x',
      writerAuthor: 'Writer0001',
      readerTokens: Array.from({ length: READERS }, () => 'x'),
      hz: HZ,
      warmup: WARMUP,
      count: COUNT,
      steadyAfter: STEADY_AFTER,
      seed,
    });
  } finally {
    await relay.stop();
  }
}

async function serverRun(seed: number): Promise<RunFigures> {
  const dataDir = freshDataDir('relay');
  const server = await startSketchroom(dataDir);
  try {
    const board = await createBoard(server.url, 'Relay bench');
    const readers = [];
    for (let i = 0; i < READERS; i++) readers.push((await joinBoard(server.url, board.id, `Reader ${i + 1}`)).token);
    return await drive(server, {
      mode: 'server',
      base: server.url,
      boardId: board.id,
      writerToken: board.facilitatorKey,
      writerAuthor: board.participantId,
      readerTokens: readers,
      hz: HZ,
      warmup: WARMUP,
      count: COUNT,
      steadyAfter: STEADY_AFTER,
      seed,
      dbPath: join(dataDir, 'sketchroom.db'),
    });
  } finally {
    await server.stop();
  }
}

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : 'inf');

export async function runRelay(): Promise<BenchOutput> {
  const rows: Row[] = [];
  const lines: string[] = [];
  const extra: Record<string, unknown> = {};

  const sqlite = await runJsonProcess<{ raw: { p50: number; p99: number; cpuUs: number }; store?: { p50: number; p99: number; groupCommitMs: number }; storeError?: string }>(
    join(benchDir, 'sqliteChild.ts'),
    [],
    { core: 0 },
  );
  extra.sqlite = sqlite;

  const hasServer = serverAvailable();
  const echo: RunFigures[] = [];
  const cand: RunFigures[] = [];
  const discarded: Array<{ echo: RunFigures; server?: RunFigures }> = [];
  let reruns = 0;
  for (let i = 0; echo.length < PAIRS; i++) {
    const seed = 300 + i;
    if (!hasServer) {
      echo.push(await echoRun(seed));
      continue;
    }
    let e: RunFigures, c: RunFigures;
    if (i % 2 === 0) {
      e = await echoRun(seed);
      c = await serverRun(seed);
    } else {
      c = await serverRun(seed);
      e = await echoRun(seed);
    }
    const starved = Math.max(e.sendLagP99, c.sendLagP99) > STARVED_SEND_LAG_MS;
    if (starved && reruns < MAX_RERUNS) {
      reruns++;
      discarded.push({ echo: e, server: c });
      continue;
    }
    echo.push(e);
    cand.push(c);
  }
  extra.echo = echo;
  extra.server = cand;
  extra.discarded = discarded;
  const med = (xs: RunFigures[], f: (r: RunFigures) => number): number => median(xs.map(f));
  const paired = (f: (r: RunFigures) => number): number => median(cand.map((c, i) => f(c) / f(echo[i]!)));

  lines.push(
    `${READERS} readers + 1 writer, ${HZ} Hz, ${STEADY_AFTER + COUNT} strokes per run: early window = strokes ${WARMUP + 1}-${WARMUP + COUNT} after the start, steady window = the last ${COUNT}; ABAB x${PAIRS}, fresh processes; server core 0, load generator core 1`,
  );
  if (discarded.length) {
    lines.push(`  ${discarded.length} pair(s) rerun: the load generator fell > ${STARVED_SEND_LAG_MS} ms behind its schedule (p99), i.e. other load on the machine (their figures are in the JSON)`);
  }
  const starvedKept = [...echo, ...cand].filter((r) => r.sendLagP99 > STARVED_SEND_LAG_MS).length;
  if (starvedKept) lines.push(`  ${starvedKept} kept run(s) still had the load generator > ${STARVED_SEND_LAG_MS} ms behind schedule: treat p99 as noisy`);
  for (const [label, runs] of [['echo relay', echo], ['sketchroom', cand]] as const) {
    for (const r of runs) {
      lines.push(
        `  ${label.padEnd(10)} steady p50 ${ms(r.p50)} p90 ${ms(r.p90)} p99 ${ms(r.p99)} max ${ms(r.max)} ms; early p50 ${ms(r.early.p50)} p99 ${ms(r.early.p99)} ms; delivered ${r.samples + r.early.samples}/${r.expected + r.early.expected}; server CPU ${r.serverCpuPerDeliveredUs.toFixed(1)} us/delivered (user ${(r.serverUserUs / 1000).toFixed(0)} ms, sys ${(r.serverSystemUs / 1000).toFixed(0)} ms); send lag p99 ${ms(r.sendLagP99)} ms` +
          (r.durable ? `; durable p50 ${ms(r.durable.p50)} p99 ${ms(r.durable.p99)} ms (${r.durable.seen}/${r.durable.expected} seen)` : ''),
      );
    }
  }

  const e50 = med(echo, (r) => r.p50), e99 = med(echo, (r) => r.p99);
  if (!hasServer) {
    rows.push({ figure: 'update latency p50 (bare echo relay only)', value: e50, unit: 'ms' });
    rows.push({ figure: 'update latency p99 (bare echo relay only)', value: e99, unit: 'ms' });
    rows.push({ figure: 'sketchroom relay', value: NaN, unit: '', target: 'p50 <= 2x, p99 <= 3x', pass: false, note: 'not measured: server/index.ts does not exist yet' });
  } else {
    const r50 = paired((r) => r.p50), r99 = paired((r) => r.p99);
    rows.push({ figure: 'update latency p50 (steady)', value: med(cand, (r) => r.p50), unit: 'ms', target: '<= 2x base', pass: le(r50, 2), baseline: e50, baselineLabel: 'ws echo', ratio: r50 });
    rows.push({ figure: 'update latency p99 (steady)', value: med(cand, (r) => r.p99), unit: 'ms', target: '<= 3x base', pass: le(r99, 3), baseline: e99, baselineLabel: 'ws echo', ratio: r99 });
    for (const [p, f] of [['p50', (r: RunFigures) => r.early.p50], ['p99', (r: RunFigures) => r.early.p99]] as const) {
      rows.push({
        figure: `  ${p} in the first seconds after start`,
        value: med(cand, f),
        unit: 'ms',
        baseline: med(echo, f),
        baselineLabel: 'ws echo',
        ratio: paired(f),
        note: p === 'p50' ? `strokes ${WARMUP + 1}-${WARMUP + COUNT} of each run: both relays' code still unoptimised` : undefined,
      });
    }
    const lost = cand.reduce((a, r) => a + (r.expected - r.samples) + (r.early.expected - r.early.samples), 0);
    rows.push({ figure: '  deliveries missing (all runs)', value: lost, unit: '', target: '0', pass: lost === 0 });
    rows.push({
      figure: 'server CPU per delivered update',
      value: med(cand, (r) => r.serverCpuPerDeliveredUs),
      unit: 'us',
      baseline: med(echo, (r) => r.serverCpuPerDeliveredUs),
      baselineLabel: 'ws echo',
      ratio: paired((r) => r.serverCpuPerDeliveredUs),
    });
    const durable = cand.map((r) => r.durable).filter((d) => d !== undefined);
    const within = median(durable.map((d) => d.within250));
    const worst = durable.length ? Math.min(...durable.map((d) => d.within250)) : NaN;
    rows.push({
      figure: 'strokes durable within 250 ms (median run)',
      value: within * 100,
      unit: '%',
      target: '>= 99',
      pass: within >= 0.99,
      note: `seen in the database file by a separate read-only connection polled every ${durable[0]?.pollMs ?? '?'} ms (so up to that much late); durable p50 ${ms(median(durable.map((d) => d.p50)))} ms, p99 ${ms(median(durable.map((d) => d.p99)))} ms`,
    });
    rows.push({ figure: '  worst run', value: worst * 100, unit: '%', target: '>= 99', pass: worst >= 0.99 });
    rows.push({ figure: '  durable latency p99 (median of runs)', value: median(durable.map((d) => d.p99)), unit: 'ms' });
    const sysShare = median(cand.map((r) => r.serverSystemUs / (r.serverUserUs + r.serverSystemUs)));
    lines.push(`server CPU in the kernel (fsync, sockets): ${(sysShare * 100).toFixed(0)} % of the server's CPU (echo relay: ${(median(echo.map((r) => r.serverSystemUs / (r.serverUserUs + r.serverSystemUs))) * 100).toFixed(0)} %)`);
  }
  rows.push({ figure: 'SQLite commit alone, raw 1-row txn p50', value: sqlite.raw.p50, unit: 'ms', note: 'WAL + synchronous=FULL, 480-byte row, 60 per second, same disk as the data dir' });
  rows.push({ figure: '  raw commit p99', value: sqlite.raw.p99, unit: 'ms' });
  rows.push({ figure: '  raw commit CPU (user + sys)', value: sqlite.raw.cpuUs, unit: 'us' });
  if (sqlite.store) {
    rows.push({ figure: `  DocStore.append p50 (${sqlite.store.groupCommitMs} ms group window)`, value: sqlite.store.p50, unit: 'ms' });
    rows.push({ figure: '  DocStore.append p99', value: sqlite.store.p99, unit: 'ms' });
  } else if (sqlite.storeError) {
    lines.push(`DocStore.append not measured: ${sqlite.storeError}`);
  }
  return { title: 'Relay (target 3)', rows, lines, extra };
}
