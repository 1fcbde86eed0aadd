/**
 * The Sketchroom server in its own process (started through bench/lib/child.ts, pinned to a
 * core, with --expose-gc), answering the bench's requests: start, loaded rooms, memory, CPU.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { gcMemory, serveRequests } from './lib/child';
import { LoopDelay } from './lib/loopDelay';

interface Running {
  port: number;
  url: string;
  close(): Promise<void>;
  rooms: unknown;
}

let running: Running | null = null;
let loop: LoopDelay | null = null;

/** `rooms` is "count of loaded rooms" in the contract; accept a number, a getter, a Map/Set or a { count }. */
function roomCount(): number {
  const r = running?.rooms;
  if (typeof r === 'number') return r;
  if (typeof r === 'function') return Number((r as () => unknown)());
  if (r && typeof r === 'object') {
    const o = r as { size?: unknown; count?: unknown };
    if (typeof o.size === 'number') return o.size;
    if (typeof o.count === 'number') return o.count;
    if (typeof o.count === 'function') return Number((o.count as () => unknown).call(r));
    if (typeof o.size === 'function') return Number((o.size as () => unknown).call(r));
  }
  return NaN;
}

function roomStats(boardId: string): { document?: string; structs?: number } | undefined {
  const rooms = running?.rooms as { stats?: (id: string) => { document?: string; structs?: number } | undefined } | undefined;
  return rooms?.stats?.(boardId);
}

serveRequests(
  {
    start: async (msg) => {
      // Imported by URL so that the bench type-checks while server/index.ts is still being written.
      const entry = new URL('../server/index.ts', import.meta.url).href;
      const mod = (await import(entry)) as { startServer(o: unknown): Promise<Running> };
      running = await mod.startServer(msg.overrides);
      return { port: running.port, url: running.url, roomsType: typeof running.rooms };
    },
    rooms: () => roomCount(),
    /** A loaded room's document state ('loaded' | 'resting' | 'pending'), or null. */
    document: (msg) => roomStats(String(msg.boardId))?.document ?? null,
    /** A loaded room's statistics (Room.stats), or null. */
    stats: (msg) => roomStats(String(msg.boardId)) ?? null,
    /** Yjs structs held by these boards' loaded documents (what their memory grows with). */
    structs: (msg) => (msg.boardIds as string[]).reduce((n, id) => n + (roomStats(id)?.structs ?? 0), 0),
    /**
     * Memory after a forced collection. That stall (two full collections, ~60 ms here) is the
     * bench's measurement, not the server's: the event-loop figures leave it out (it was the max
     * event-loop delay of a bench:load run).
     */
    mem: () => {
      const memory = gcMemory();
      loop?.skipNext();
      return memory;
    },
    cpu: () => process.cpuUsage(),
    /** Event-loop delay since the last reset (ms). */
    loopReset: () => {
      loop?.stop();
      loop = new LoopDelay(5);
      return true;
    },
    loop: () => loop?.figures() ?? null,
    /** Active handles and requests by type (timers, sockets…), to see what churn leaves behind. */
    resources: () => {
      const counts: Record<string, number> = {};
      for (const r of process.getActiveResourcesInfo()) counts[r] = (counts[r] ?? 0) + 1;
      return counts;
    },
    /** CPU ticks per thread (Linux), for diagnosing where server CPU goes. */
    threads: () =>
      readdirSync('/proc/self/task').map((tid) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return { tid, name, utime: Number(f[11]), stime: Number(f[12]) };
      }),
    /** For diagnosing growth: writes a heap snapshot after gc and returns its path. */
    snapshot: (msg) => {
      gcMemory();
      return writeHeapSnapshot(typeof msg.path === 'string' ? msg.path : undefined);
    },
  },
  async () => {
    await running?.close();
  },
);
