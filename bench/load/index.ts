/**
 * `npm run bench:load [-- --minutes=5 --clients=200 --rooms=20 --churn=10000 --no-flood]`: the venue load of
 * issue 8. The server runs in its own process pinned to core 0 (taskset when available, with
 * --expose-gc); this process is the load generator, pinned to core 1.
 *
 * Load: `clients` simulated participants in `rooms` rooms (client.ts); 30 % draw committed strokes
 * at 10 strokes/s in bursts (2-4 s on, 1-3 s off), each keeping its latest 100 strokes (older ones
 * erased, so rooms hold a steady amount of ink and the heap comparison measures leaks, not ink);
 * everyone moves a cursor at 10 Hz. Figures: relay p50/p99 (sender -> every other client),
 * event-loop delay p99 (the server's monitorEventLoopDelay), commit confirmation p95, disconnects,
 * heap after GC at minute 1 (or a fifth of a shorter run) vs the end, presence messages per
 * recipient per second. Rooms take the drawing and erasing at rest (server/rooms/atRest): their
 * boards are kept encoded with an index of live entries, so erased strokes leave no heap behind.
 * Churn (a second server with ROOM_IDLE_MS=0): `churn` short visits that each open and leave a
 * room; after them no loaded rooms, no extra active handles, heap after GC vs before.
 * Flood (flood.ts, skip with --no-flood): a raw client floods a room; it must get 4429 while a
 * canary in the same room keeps drawing; its relay latency before vs during the flood.
 */
import { cpus, loadavg } from 'node:os';
import { busyPercent, idleLoad, pinSelf, sampleCpu } from '../lib/machine';
import { createBoard, joinBoard } from '../lib/api';
import { freshDataDir, LOADGEN_CORE, startSketchroom } from '../lib/server';
import { strokeSequence } from '../lib/strokes';
import { fmt, le, renderTable, type Row } from '../lib/table';
import { churn, type Visit } from './churn';
import { floodPhase } from './flood';
import { SimClient, type LoadStats } from './client';
import { Histogram } from './histogram';

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`bad --${name}`);
  return value;
}

const minutes = flag('minutes', 5);
const clientCount = flag('clients', 200);
const roomCount = flag('rooms', 20);
const churnCycles = flag('churn', 10_000);
const withFlood = !process.argv.includes('--no-flood');
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Generous venue limits for one load-generator address (the per-address limits would refuse it). */
const OVERRIDES = { limits: { maxWsConnectsPerAddress: 1_000_000 } };

async function loadPhase(): Promise<{ rows: Row[]; lines: string[] }> {
  const server = await startSketchroom(freshDataDir('load'), OVERRIDES);
  const clients: SimClient[] = [];
  const stats: LoadStats = { relay: new Histogram(), confirm: new Histogram(), sentAt: new Map(), strokes: 0, presenceIn: 0, disconnects: [] };
  try {
    const strokes = strokeSequence(64, { seed: 8 }).map((s) => ({ ...s, points: Array.from(s.points).slice(0, 60 * 3) }));
    const perRoom = Math.ceil(clientCount / roomCount);
    const boardIds: string[] = [];
    for (let r = 0; r < roomCount; r++) {
      const board = await createBoard(server.url, `Load ${r + 1}`);
      boardIds.push(board.id);
      for (let i = 0; i < perRoom && clients.length < clientCount; i++) {
        const p = await joinBoard(server.url, board.id, `P${i + 1}`);
        // 30 % drawers, spread over the rooms.
        const drawer = i < Math.round(perRoom * 0.3);
        clients.push(new SimClient({ url: server.url, boardId: board.id, token: p.token, participantId: p.participantId, drawer, strokes, stats, keep: 100 }));
      }
    }
    for (let i = 0; i < clients.length; i += 20) await Promise.all(clients.slice(i, i + 20).map((c) => c.open()));
    const durationMs = minutes * 60_000;
    const heapAtMs = Math.min(60_000, durationMs / 5);
    const cpu0 = sampleCpu();
    await server.child.request('loopReset');
    for (const c of clients) c.start();
    const started = performance.now();
    // Forget send times nobody will report any more (keeps this process's memory flat).
    const sweep = setInterval(() => {
      const old = performance.now() - 10_000;
      for (const [id, at] of stats.sentAt) {
        if (at >= old) break;
        stats.sentAt.delete(id);
      }
    }, 1000);
    await sleep(heapAtMs);
    const heapEarly = (await server.mem()).heapUsed;
    const structsEarly = await server.child.request<number>('structs', { boardIds });
    const presenceEarly = stats.presenceIn;
    await sleep(Math.max(0, durationMs - heapAtMs));
    const elapsed = (performance.now() - started) / 1000;
    const loop = await server.child.request<{ p50: number; p99: number; max: number }>('loop');
    const heapEnd = (await server.mem()).heapUsed;
    const structsEnd = await server.child.request<number>('structs', { boardIds });
    const roomFigures = await Promise.all(boardIds.map((boardId) => server.child.request<{ document: string; loads: number; entries: number } | null>('stats', { boardId })));
    const busy = busyPercent(cpu0, sampleCpu());
    clearInterval(sweep);
    for (const c of clients) c.stop();
    const presencePerRecipient = (stats.presenceIn - presenceEarly) / clients.length / (elapsed - heapAtMs / 1000);
    const heapRatio = heapEnd / heapEarly;
    const rows: Row[] = [
      { figure: 'relay p50', value: stats.relay.percentile(50), unit: 'ms', target: '<= 30', pass: le(stats.relay.percentile(50), 30) },
      { figure: 'relay p99', value: stats.relay.percentile(99), unit: 'ms', target: '<= 150', pass: le(stats.relay.percentile(99), 150) },
      { figure: 'event-loop delay p99', value: loop.p99, unit: 'ms', target: '<= 20', pass: le(loop.p99, 20), note: `max ${fmt(loop.max)} ms` },
      { figure: 'commit confirmation p95', value: stats.confirm.percentile(95), unit: 'ms', target: '<= 100', pass: le(stats.confirm.percentile(95), 100) },
      { figure: 'disconnects', value: stats.disconnects.length, unit: '', target: '= 0', pass: stats.disconnects.length === 0 },
      { figure: 'heap after GC, end / minute 1', value: heapRatio, unit: 'x', target: '<= 1.10', pass: le(heapRatio, 1.1), note: `${fmt(heapEarly / MB)} -> ${fmt(heapEnd / MB)} MB` },
      {
        figure: 'rooms at rest at the end',
        value: roomFigures.filter((r) => r?.document === 'resting').length,
        unit: `of ${roomCount}`,
        note: `${roomFigures.reduce((n, r) => n + (r?.entries ?? 0), 0).toLocaleString('en-US')} live entries; Yjs structs in loaded documents ${structsEarly.toLocaleString('en-US')} at minute 1, ${structsEnd.toLocaleString('en-US')} at the end; Y.Doc loads over the run: ${roomFigures.map((r) => r?.loads ?? 0).join(', ')} (the first read, and one per collection of erased strokes)`,
      },
      { figure: 'presence messages per recipient', value: presencePerRecipient, unit: '/s', note: 'batched: at most ~30/s' },
      { figure: 'strokes committed', value: stats.strokes / elapsed, unit: '/s', note: `${stats.strokes} in ${fmt(elapsed)} s` },
    ];
    const lines = [
      `${clients.length} clients in ${roomCount} rooms for ${fmt(elapsed)} s; relay samples ${stats.relay.count}, confirmations ${stats.confirm.count}; machine busy ${fmt(busy)} % during the run`,
    ];
    if (stats.disconnects.length > 0) lines.push(`disconnects: ${stats.disconnects.slice(0, 5).map((d) => `${d.code} ${d.reason}`).join('; ')}`);
    return { rows, lines };
  } finally {
    for (const c of clients) c.close();
    await server.stop();
  }
}

async function churnPhase(): Promise<{ rows: Row[]; lines: string[] }> {
  const server = await startSketchroom(freshDataDir('churn'), { ...OVERRIDES, roomIdleMs: 0 });
  try {
    const visits: Visit[] = [];
    for (let r = 0; r < 100; r++) {
      const board = await createBoard(server.url, `Churn ${r + 1}`);
      const p = await joinBoard(server.url, board.id, 'Visitor');
      visits.push({ boardId: board.id, token: p.token });
    }
    // Warm up first (JIT, caches, the database's page cache), then measure the rest.
    const warm = Math.min(500, Math.floor(churnCycles / 10));
    await churn(server, visits, warm);
    await sleep(500);
    const before = { heap: (await server.mem()).heapUsed, resources: await server.child.request<Record<string, number>>('resources') };
    const t0 = performance.now();
    await churn(server, visits, churnCycles);
    const seconds = (performance.now() - t0) / 1000;
    await sleep(1000);
    const rooms = await server.rooms();
    const after = { heap: (await server.mem()).heapUsed, resources: await server.child.request<Record<string, number>>('resources') };
    const extra = Object.entries(after.resources)
      .map(([k, n]) => [k, n - (before.resources[k] ?? 0)] as const)
      .filter(([, d]) => d > 0);
    const ratio = after.heap / before.heap;
    return {
      rows: [
        { figure: 'loaded rooms after churn', value: rooms, unit: '', target: '= 0', pass: rooms === 0 },
        { figure: 'extra active handles (timers, sockets)', value: extra.reduce((s, [, d]) => s + d, 0), unit: '', target: '= 0', pass: extra.length === 0, note: extra.map(([k, d]) => `${k} +${d}`).join(', ') },
        { figure: 'heap after GC, after / before churn', value: ratio, unit: 'x', target: '<= 1.10', pass: le(ratio, 1.1), note: `${fmt(before.heap / MB)} -> ${fmt(after.heap / MB)} MB` },
      ],
      lines: [`${churnCycles} room open/close cycles over 100 boards in ${fmt(seconds)} s (${fmt(churnCycles / seconds)}/s), after ${warm} warm-up cycles`],
    };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const others = await idleLoad(1000);
  console.log(`bench:load ${new Date().toISOString()}: ${minutes} min, ${clientCount} clients, ${roomCount} rooms, churn ${churnCycles}; ${cpus().length} cpus, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, other load ${fmt(others)} % (other agents share this machine)`);
  pinSelf(LOADGEN_CORE);
  const load = await loadPhase();
  console.log(renderTable({ name: 'load', title: 'Venue load: relay, event loop, confirmations, heap', rows: load.rows, machineBusyPercent: NaN, otherLoadPercent: others, seconds: minutes * 60 }));
  for (const l of load.lines) console.log(l);
  if (withFlood) {
    const strokes = strokeSequence(64, { seed: 8 }).map((s) => ({ ...s, points: Array.from(s.points).slice(0, 60 * 3) }));
    const f = await floodPhase(strokes, OVERRIDES);
    console.log(renderTable({ name: 'flood', title: 'One flooding client vs a canary in the same room', rows: f.rows, machineBusyPercent: NaN, otherLoadPercent: others, seconds: 0 }));
    for (const l of f.lines) console.log(l);
  }
  if (churnCycles > 0) {
    const c = await churnPhase();
    console.log(renderTable({ name: 'churn', title: 'Room churn', rows: c.rows, machineBusyPercent: NaN, otherLoadPercent: others, seconds: 0 }));
    for (const l of c.lines) console.log(l);
  }
  console.log(`load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

await main();
