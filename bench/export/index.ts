/**
 * `npm run bench -- export`: exports of a 40-easel workshop board (10,000 strokes, 40 photos, 120
 * notes) in headless Chromium (software raster): the whole board as a PNG at 2x, one easel at 2x,
 * the ZIP of all easels and the handout PDF. Time, JS heap (start and peak, sampled every 20 ms),
 * and the "frozen tab" figures: the longest task (PerformanceObserver 'longtask') and the longest
 * gap of a 10 ms heartbeat timer. Prints figures, never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BenchOutput } from '../run';
import { benchDir } from '../lib/child';
import { median } from '../lib/stats';
import { le, type Row } from '../lib/table';
import { CHROMIUM, serveDir } from '../render/index';

const ROUNDS = Number(process.env.EXPORT_ROUNDS ?? 2);

interface RunResult {
  ms: number;
  bytes: number;
  width?: number;
  height?: number;
  /** The scale drawn at (smaller than the 2x asked when the image would pass the 50 MP cap). */
  scale?: number;
  longestTask: number;
  longTasks: number;
  longestSlice: number;
  heapPeakMB: number;
  heapStartMB: number;
}
declare const exportBench: { makeBoard(): Promise<{ ms: number; strokes: number; photoBytes: number }>; run(kind: string): Promise<RunResult> };

async function buildPage(): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'sketchroom-export-bench-'));
  await build({
    configFile: false,
    root: join(benchDir, 'export', 'page'),
    publicDir: join(benchDir, '..', 'public'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 5000 },
  });
  return outDir;
}

const GOALS: Record<string, number | undefined> = { 'png-board': 3000, 'png-easel': 3000, pdf: 10_000, zip: undefined };
const LABELS: Record<string, string> = {
  'png-board': 'PNG 2x, whole board',
  'png-easel': 'PNG 2x, one easel',
  zip: 'ZIP, 40 easels at 2x',
  pdf: 'handout PDF (41 pages, 2x)',
};

export async function runExport(): Promise<BenchOutput> {
  const dir = await buildPage();
  const { server, url } = await serveDir(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu', '--no-first-run', '--enable-precise-memory-info', '--disable-background-timer-throttling'] });
  const rows: Row[] = [];
  const lines: string[] = [];
  const extra: Record<string, unknown> = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('pageerror', (e) => console.error('bench page error:', e.message));
    if (process.env.EXPORT_VERBOSE) page.on('console', (m) => console.log('  page:', m.text()));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { exportBench?: { ready: boolean } }).exportBench?.ready === true);
    const made = await page.evaluate(() => exportBench.makeBoard());
    lines.push(`board: 40 easels of 1200x900, ${made.strokes.toLocaleString('en-US')} strokes x 80 points, 40 photos (800x600 PNG, ${(made.photoBytes / 1e6).toFixed(1)} MB), 120 notes; built in ${(made.ms / 1000).toFixed(1)} s`);
    const all: Record<string, RunResult[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of (process.env.EXPORT_KINDS ?? 'png-easel,png-board,zip,pdf').split(',')) {
        (all[kind] ??= []).push(await page.evaluate((k) => exportBench.run(k), kind));
      }
    }
    for (const [kind, runs] of Object.entries(all)) {
      const ms = median(runs.map((r) => r.ms));
      const goal = GOALS[kind];
      const last = runs.at(-1)!;
      const size = last.width && last.height && kind.startsWith('png') ? `${last.width}x${last.height} at ${last.scale?.toFixed(2)}x, ` : '';
      rows.push({
        figure: LABELS[kind]!, value: ms, unit: 'ms', target: goal ? `< ${goal}` : undefined, pass: goal ? ms < goal : undefined,
        ratio: goal ? ms / goal : undefined, baselineLabel: goal ? 'goal' : undefined, baseline: goal,
        note: `${size}${(last.bytes / 1e6).toFixed(1)} MB file; median of ${runs.length}`,
      });
      const longest = Math.max(...runs.map((r) => r.longestTask));
      rows.push({ figure: '  longest task', value: longest, unit: 'ms', target: '<= 100', pass: le(longest, 100), note: `${Math.max(...runs.map((r) => r.longTasks))} tasks over 50 ms; heartbeat gap max ${Math.max(...runs.map((r) => r.longestSlice)).toFixed(0)} ms` });
      rows.push({ figure: '  JS heap peak', value: Math.max(...runs.map((r) => r.heapPeakMB)), unit: 'MB', note: `from ${last.heapStartMB.toFixed(0)} MB at the start (canvas pixels are not in the JS heap)` });
    }
    extra.runs = all;
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { title: 'export: 40 easels, 10k strokes, 40 photos, 120 notes in headless Chromium (software raster)', rows, lines, extra };
}
