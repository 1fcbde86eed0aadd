/**
 * Machine load from /proc/stat: busy share of all CPUs between two samples, and a short idle
 * sample taken before a bench starts (load from other jobs on a shared machine).
 */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

export interface CpuSample {
  busy: number;
  total: number;
}

export function sampleCpu(): CpuSample | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0); // user..steal (guest is inside user)
    const idle = (f[3] ?? 0) + (f[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Busy % of all CPUs between two samples (NaN without /proc/stat). */
export function busyPercent(a: CpuSample | null, b: CpuSample | null): number {
  if (!a || !b || b.total === a.total) return NaN;
  return (100 * (b.busy - a.busy)) / (b.total - a.total);
}

/** Busy % of the machine over `ms` while this process sleeps: other people's load. */
export async function idleLoad(ms = 500): Promise<number> {
  const a = sampleCpu();
  await new Promise((r) => setTimeout(r, ms));
  return busyPercent(a, sampleCpu());
}

let tasksetChecked: boolean | null = null;
/** `taskset -c <core>` prefix when taskset exists and the machine has that core. */
export function pinPrefix(core: number): string[] {
  if (tasksetChecked === null) {
    tasksetChecked = spawnSync('taskset', ['-V']).status === 0;
  }
  return tasksetChecked && cpus().length > core ? ['taskset', '-c', String(core)] : [];
}

export function machineInfo(): Record<string, unknown> {
  const c = cpus();
  return { cpus: c.length, model: c[0]?.model ?? '?', node: process.version, platform: process.platform };
}

/** Pins this process (all its threads) to one core, or back to all; no-op without taskset. */
export function pinSelf(core: number | 'all'): void {
  if (pinPrefix(0).length === 0) return;
  const list = core === 'all' ? `0-${cpus().length - 1}` : String(core);
  spawnSync('taskset', ['-a', '-cp', list, String(process.pid)], { stdio: 'ignore' });
}
