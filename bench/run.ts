/**
 * `npm run bench [-- bytes export inspect load presence relay rooms render]`: prints figures and ratios against baselines
 * measured in the same run, and writes them as JSON into bench/results/. Never asserts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from './lib/child';
import { benchTmpDir } from './lib/bigBoard';
import { busyPercent, idleLoad, machineInfo, sampleCpu } from './lib/machine';
import { renderTable, type BenchResult, type Row } from './lib/table';

export interface BenchOutput {
  title: string;
  rows: Row[];
  /** Extra lines printed under the table. */
  lines?: string[];
  extra?: Record<string, unknown>;
}

type Bench = () => Promise<BenchOutput>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  bytes: async () => (await import('./bytes')).runBytes,
  export: async () => (await import('./export/index')).runExport,
  inspect: async () => (await import('./inspect')).runInspect,
  load: async () => (await import('./load')).runLoad,
  presence: async () => (await import('./presence')).runPresence,
  privacy: async () => (await import('./privacy')).runPrivacy,
  relay: async () => (await import('./relay')).runRelay,
  render: async () => (await import('./render/index')).runRender,
  rooms: async () => (await import('./rooms')).runRooms,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  for (const w of wanted) {
    if (!(w in BENCHES)) {
      console.error(`unknown bench "${w}"; choose from: ${Object.keys(BENCHES).join(', ')}`);
      process.exit(2);
    }
  }
  const names = wanted.length ? wanted : Object.keys(BENCHES);
  const started = new Date();
  const runStart = sampleCpu();
  const info = machineInfo();
  console.log(`Sketchroom bench ${started.toISOString()}  ${String(info.cpus)} cpus (${String(info.model)}), node ${String(info.node)}`);
  const results: BenchResult[] = [];
  const failures: Record<string, string> = {};
  for (const name of names) {
    const otherLoadPercent = await idleLoad(500);
    const a = sampleCpu();
    const t0 = performance.now();
    try {
      const bench = await BENCHES[name]!();
      const out = await bench();
      const result: BenchResult = {
        name,
        title: out.title,
        rows: out.rows,
        machineBusyPercent: busyPercent(a, sampleCpu()),
        otherLoadPercent,
        seconds: (performance.now() - t0) / 1000,
        ...(out.extra ? { extra: out.extra } : {}),
      };
      results.push(result);
      console.log('\n' + renderTable(result));
      for (const line of out.lines ?? []) console.log('  ' + line);
    } catch (e) {
      failures[name] = e instanceof Error ? e.stack ?? e.message : String(e);
      console.log(`\n== ${name}: FAILED TO RUN\n${failures[name]}`);
    }
  }
  const totalBusy = busyPercent(runStart, sampleCpu());
  const rows = results.flatMap((r) => r.rows);
  const passed = rows.filter((r) => r.pass === true).length;
  const missed = rows.filter((r) => r.pass === false);
  console.log(`\nmachine busy over the whole run: ${totalBusy.toFixed(0)} % of ${String(info.cpus)} cpus (includes the bench itself)`);
  console.log(`targets: ${passed} PASS, ${missed.length} MISS${missed.length ? ': ' + missed.map((r) => r.figure.trim()).join('; ') : ''}`);

  const outDir = join(benchDir, 'results');
  mkdirSync(outDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const json = JSON.stringify({ started: started.toISOString(), machine: info, machineBusyPercent: totalBusy, benches: results, failures }, null, 1);
  writeFileSync(join(outDir, `bench-${stamp}.json`), json);
  writeFileSync(join(outDir, 'latest.json'), json);
  console.log(`results: ${join('bench', 'results', `bench-${stamp}.json`)}`);
  rmSync(benchTmpDir(), { recursive: true, force: true });
  process.exit(Object.keys(failures).length ? 1 : 0);
}

void main();
