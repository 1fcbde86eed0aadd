/**
 * Target 2, load: applying the 10,000-stroke snapshot to a fresh Y.Doc in a fresh process as the
 * server loads a stored row (compact buffers vs float arrays, and vs stock Y.applyUpdate of the same
 * snapshot, interleaved), then a client joining that room through the server. Every load process
 * runs with the server's V8 flags (server/nodeFlags.ts); one more set runs without them, to show
 * what they are worth.
 *
 * The load processes run on the whole machine, as the server does: a fresh process's first apply
 * leans on V8's helper threads (optimising compiles, parallel scavenges), and pinning the process to
 * one core puts them on the main thread's core, which then waits for them (measured here: 42-55 ms
 * free against 67-112 ms pinned, interleaved). The pinned figure is printed beside it, as what a
 * one-core host would see.
 */
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/nodeFlags';
import { buildBigBoards } from './lib/bigBoard';
import { benchDir } from './lib/child';
import { runJsonProcess } from './lib/runOnce';
import { median } from './lib/stats';
import { le, type Row } from './lib/table';
import type { BenchOutput } from './run';

const PAIRS = 3;

interface LoadFigures {
  size: number;
  applyMs: number;
  boardMs: number;
  items: number;
  memDelta: number;
  heapDelta: number;
  arrayBuffersDelta: number;
}

export async function runLoad(): Promise<BenchOutput> {
  const big = buildBigBoards();
  const script = join(benchDir, 'loadChild.ts');
  const load = (path: string, ...flags: Array<'board' | 'stock' | 'bare' | 'pinned'>): Promise<LoadFigures> =>
    runJsonProcess<LoadFigures>(script, [path, ...flags.filter((f) => f === 'board' || f === 'stock')], {
      exposeGc: true,
      ...(flags.includes('pinned') ? { core: 1 } : {}),
      nodeFlags: flags.includes('bare') ? [] : SERVER_NODE_FLAGS,
    });

  const ours: LoadFigures[] = [];
  const floats: LoadFigures[] = [];
  const stock: LoadFigures[] = [];
  const bare: LoadFigures[] = [];
  const pinned: LoadFigures[] = [];
  for (let i = 0; i < PAIRS; i++) {
    // Alternate which goes first so that drift on the machine hits both alike.
    if (i % 2 === 0) {
      ours.push(await load(big.compactPath));
      pinned.push(await load(big.compactPath, 'pinned'));
      bare.push(await load(big.compactPath, 'bare'));
      floats.push(await load(big.floatsPath, 'stock'));
      stock.push(await load(big.compactPath, 'stock'));
    } else {
      stock.push(await load(big.compactPath, 'stock'));
      floats.push(await load(big.floatsPath, 'stock'));
      bare.push(await load(big.compactPath, 'bare'));
      pinned.push(await load(big.compactPath, 'pinned'));
      ours.push(await load(big.compactPath));
    }
  }
  const withBoard = await load(big.compactPath, 'board');
  const ratio = (f: (x: LoadFigures) => number): number => median(ours.map((o, i) => f(o) / f(floats[i]!)));
  const ms = median(ours.map((o) => o.applyMs));
  const mb = median(ours.map((o) => o.memDelta)) / 1e6;
  /** Other runs of the same snapshot against the server loader's: medians, and the median of paired ratios. */
  const versusOurs = (figure: string, runs: LoadFigures[], note: string): Row => ({
    figure,
    value: median(runs.map((o) => o.applyMs)),
    unit: 'ms',
    baseline: ms,
    baselineLabel: 'server loader',
    ratio: median(runs.map((o, i) => o.applyMs / ours[i]!.applyMs)),
    note,
  });
  const rows: Row[] = [
    {
      figure: `apply 10,000-stroke snapshot (${(big.compact.length / 1e6).toFixed(2)} MB), fresh process`,
      value: ms,
      unit: 'ms',
      target: '<= 80',
      pass: le(ms, 80),
      baseline: median(floats.map((o) => o.applyMs)),
      baselineLabel: 'float arrays',
      ratio: ratio((x) => x.applyMs),
    },
    {
      figure: '  memory held (heap + array buffers after gc)',
      value: mb,
      unit: 'MB',
      target: '<= 15',
      pass: le(mb, 15),
      baseline: median(floats.map((o) => o.memDelta)) / 1e6,
      baselineLabel: 'float arrays',
      ratio: ratio((x) => x.memDelta),
      note: `heap ${(median(ours.map((o) => o.heapDelta)) / 1e6).toFixed(1)} MB + array buffers ${(median(ours.map((o) => o.arrayBuffersDelta)) / 1e6).toFixed(1)} MB (the stroke records are views into the loaded row, which stays alive)`,
    },
    versusOurs(
      '  the same snapshot with stock Y.applyUpdate',
      stock,
      `memory held ${(median(stock.map((o) => o.memDelta)) / 1e6).toFixed(2)} MB; the server loads stored rows with applyStoredUpdate (binary contents as views into the row, short keys decoded in JS)`,
    ),
    versusOurs(
      "  the same without the server's V8 flags",
      bare,
      `node's defaults instead of ${SERVER_NODE_FLAGS.join(' ')} (server/nodeFlags.ts: the young generation starts at 16 MB instead of 1 MB)`,
    ),
    versusOurs(
      '  the same pinned to one core',
      pinned,
      "V8's helper threads (optimising compiles, parallel scavenges) share the main thread's core: what a one-core host sees",
    ),
    { figure: '  then new Board(doc) (client snapshot + validation)', value: withBoard.boardMs, unit: 'ms' },
  ];
  const lines = [
    `ABAB x${PAIRS}, each load in a fresh process on the whole machine (as the server runs) with the server's V8 flags (${SERVER_NODE_FLAGS.join(' ')}) unless said otherwise; ratios are medians of paired ratios`,
    `apply ms, compact (server loader): ${ours.map((o) => o.applyMs.toFixed(0)).join(' ')}; the same pinned to one core: ${pinned.map((o) => o.applyMs.toFixed(0)).join(' ')}; the same without the flags: ${bare.map((o) => o.applyMs.toFixed(0)).join(' ')}; compact (stock Y.applyUpdate): ${stock.map((o) => o.applyMs.toFixed(0)).join(' ')}; float arrays (stock): ${floats.map((o) => o.applyMs.toFixed(0)).join(' ')}`,
  ];
  const extra: Record<string, unknown> = { ours, pinned, bare, stock, floats, withBoard, nodeFlags: SERVER_NODE_FLAGS, structsPerStroke: big.structsPerStroke };
  try {
    const { runJoin } = await import('./join');
    const joined = await runJoin();
    rows.push(...joined.rows);
    lines.push(...(joined.lines ?? []));
    extra.join = joined.extra;
  } catch (e) {
    rows.push({ figure: 'client join sync (server)', value: NaN, unit: 'ms', target: '<= 100', pass: false, note: `not measured: ${e instanceof Error ? e.message : String(e)}` });
  }
  return { title: 'Load (target 2)', rows, lines, extra };
}
