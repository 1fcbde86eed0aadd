/**
 * `npx tsx bench/crashLoop.ts [--minutes=10]`: the kill -9 loop of server/crashLoop.test.ts, for
 * longer (server/testing/crashLoop.ts). Prints every run and a summary; exits 1 if anything was lost.
 */
import { cpus, loadavg } from 'node:os';
import { crashLoop } from '../server/testing/crashLoop';

const arg = process.argv.find((a) => a.startsWith('--minutes='));
const minutes = arg ? Number(arg.slice('--minutes='.length)) : 10;

const runs = await crashLoop({ budgetMs: minutes * 60_000, log: (line) => console.log(line) });
const lost = runs.flatMap((r) => r.lost);
const bad = runs.filter((r) => r.integrity !== 'ok');
const converge = runs.map((r) => r.convergeMs).sort((a, b) => a - b);
const committed = runs.reduce((sum, r) => sum + r.seenAtKill, 0);
console.log(
  `${runs.length} kill -9 runs in ${minutes} min: ${lost.length} committed strokes lost (checked ${committed} across runs), ` +
    `${bad.length} failed integrity checks, converge median ${converge[Math.floor(converge.length / 2)]} ms, max ${converge.at(-1)} ms, ` +
    `${runs.filter((r) => r.convergeMs > 5_000).length} runs over 5 s; load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cpus`,
);
process.exit(lost.length > 0 || bad.length > 0 ? 1 : 0);
