import type { BenchOutput } from './run';
export async function runJoin(): Promise<BenchOutput> {
  throw new Error('server not ready');
}
