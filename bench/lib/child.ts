/**
 * Fresh child processes (node + tsx, optionally --expose-gc, optionally pinned to a core) that
 * answer requests over the IPC channel.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getHeapSpaceStatistics } from 'node:v8';
import { pinPrefix } from './machine';

export interface ChildOptions {
  core?: number;
  exposeGc?: boolean;
  env?: Record<string, string>;
  args?: string[];
  /** Forward the child's stderr (default true: the server logs there). */
  quiet?: boolean;
  /** Extra node flags (e.g. --cpu-prof while diagnosing). */
  nodeFlags?: string[];
}

interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

export class Child {
  readonly proc: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly exited: Promise<number | null>;
  private events: Array<(msg: Record<string, unknown>) => void> = [];

  constructor(script: string, opts: ChildOptions = {}) {
    const nodeArgs = [...(opts.exposeGc ? ['--expose-gc'] : []), ...(opts.nodeFlags ?? []), '--import', 'tsx', script, ...(opts.args ?? [])];
    const prefix = opts.core === undefined ? [] : pinPrefix(opts.core);
    const [cmd, ...rest] = prefix.length ? [...prefix, process.execPath, ...nodeArgs] : [process.execPath, ...nodeArgs];
    this.proc = spawn(cmd!, rest, {
      stdio: ['ignore', 'inherit', opts.quiet ? 'ignore' : 'inherit', 'ipc'],
      env: { ...process.env, ...opts.env },
    });
    this.proc.on('message', (raw) => {
      const msg = raw as Reply & { event?: string };
      if (msg.event) {
        for (const e of this.events) e(msg as unknown as Record<string, unknown>);
        return;
      }
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.result);
    });
    this.exited = new Promise((resolve) => {
      this.proc.on('exit', (code) => {
        for (const p of this.pending.values()) p.reject(new Error(`child ${script} exited (${code})`));
        this.pending.clear();
        resolve(code);
      });
    });
  }

  onEvent(listener: (msg: Record<string, unknown>) => void): void {
    this.events.push(listener);
  }

  request<T>(cmd: string, payload: Record<string, unknown> = {}, timeoutMs = 120_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`child request ${cmd} timed out`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.proc.send({ id, cmd, ...payload });
    });
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    try {
      await this.request('exit', {}, 10_000);
    } catch {
      /* exited or hung: fall through */
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }
}

export type Handlers = Record<string, (msg: Record<string, unknown>) => unknown>;

/** Child side: answer requests until "exit". */
export function serveRequests(handlers: Handlers, onExit?: () => Promise<void> | void): void {
  if (!process.send) throw new Error('run this file through bench/lib/child.ts');
  process.on('message', (raw) => {
    const msg = raw as { id: number; cmd: string } & Record<string, unknown>;
    const reply = (r: Omit<Reply, 'id'>): void => {
      process.send?.({ id: msg.id, ...r });
    };
    if (msg.cmd === 'exit') {
      void (async () => {
        try {
          await onExit?.();
        } finally {
          reply({ result: true });
          setTimeout(() => process.exit(0), 20);
        }
      })();
      return;
    }
    const handler = handlers[msg.cmd];
    if (!handler) {
      reply({ error: `unknown command ${msg.cmd}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(msg))
      .then((result) => reply({ result }))
      .catch((e: unknown) => reply({ error: e instanceof Error ? e.stack ?? e.message : String(e) }));
  });
}

export function emitEvent(event: string, data: Record<string, unknown> = {}): void {
  process.send?.({ event, ...data });
}

export const benchDir = fileURLToPath(new URL('..', import.meta.url));

export interface MemoryFigures {
  heapUsed: number;
  /** heapUsed without V8's code spaces (JIT code grows for a while as functions get optimised). */
  heapData: number;
  arrayBuffers: number;
  external: number;
  rss: number;
  /** heapUsed + arrayBuffers. */
  total: number;
}

/** Memory after a full gc (needs --expose-gc). */
export function gcMemory(): MemoryFigures {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  const code = getHeapSpaceStatistics()
    .filter((s) => s.space_name.startsWith('code'))
    .reduce((a, s) => a + s.space_used_size, 0);
  return { heapUsed: m.heapUsed, heapData: m.heapUsed - code, arrayBuffers: m.arrayBuffers, external: m.external, rss: m.rss, total: m.heapUsed + m.arrayBuffers };
}
