/** Orchestrator side: start the Sketchroom server or the echo relay in a fresh, pinned process. */
import { existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Child, benchDir, type MemoryFigures } from './child';
import { SERVER_NODE_FLAGS } from '../../server/nodeFlags';
import { benchTmpDir } from './bigBoard';

export const SERVER_CORE = 0;
export const LOADGEN_CORE = 1;

export interface ServerHandle {
  child: Child;
  url: string;
  port: number;
  dataDir: string | null;
  rooms(): Promise<number>;
  /** A loaded room's document: 'loaded', 'resting' (Room.rest) or 'pending'; null if not loaded. */
  document(boardId: string): Promise<string | null>;
  mem(): Promise<MemoryFigures>;
  cpu(): Promise<{ user: number; system: number }>;
  stop(): Promise<void>;
}

export function serverAvailable(): boolean {
  return existsSync(join(benchDir, '..', 'server', 'index.ts'));
}

export function freshDataDir(label: string): string {
  return mkdtempSync(join(benchTmpDir(), `${label}-`));
}

function handle(child: Child, port: number, dataDir: string | null): ServerHandle {
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    rooms: () => child.request<number>('rooms'),
    document: (boardId) => child.request<string | null>('document', { boardId }),
    mem: () => child.request('mem'),
    cpu: () => child.request('cpu'),
    stop: () => child.stop(),
  };
}

export async function startSketchroom(dataDir: string, overrides: Record<string, unknown> = {}): Promise<ServerHandle> {
  // BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server while diagnosing.
  const nodeFlags = [...SERVER_NODE_FLAGS, ...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean)];
  const child = new Child(join(benchDir, 'serverProc.ts'), { core: SERVER_CORE, exposeGc: true, nodeFlags });
  try {
    const r = await child.request<{ port: number }>('start', { overrides: { port: 0, host: '127.0.0.1', dataDir, ...overrides } }, 60_000);
    return handle(child, r.port, dataDir);
  } catch (e) {
    child.proc.kill('SIGKILL');
    throw e;
  }
}

export async function startEchoRelay(): Promise<ServerHandle> {
  const child = new Child(join(benchDir, 'echoRelay.ts'), { core: SERVER_CORE, exposeGc: true });
  const r = await child.request<{ port: number }>('start');
  return handle(child, r.port, null);
}
