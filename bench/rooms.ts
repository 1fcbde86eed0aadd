/**
 * Target 4, rooms: server memory of a loaded room against its encoded document, 1,000 join/leave
 * cycles (server heap after gc before vs after), and idle rooms unloading with the server's
 * default ROOM_IDLE_MS. The server runs in its own process (core 0, --expose-gc); the clients here
 * (core 1).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { Board } from '../src/model/board';
import { createBoard, joinBoard } from './lib/api';
import { benchTmpDir } from './lib/bigBoard';
import { splitHeapSnapshot, topGrowth, type HeapSplit } from './lib/heapSnapshot';
import { prepareBigRoom } from './lib/bigRoom';
import { pinSelf } from './lib/machine';
import { connect, disconnect, whenSynced } from './lib/providers';
import type { MemoryFigures } from './lib/child';
import { LOADGEN_CORE, serverAvailable, startSketchroom, type ServerHandle } from './lib/server';
import { strokeSequence } from './lib/strokes';
import { le, type Row } from './lib/table';
import type { BenchOutput } from './run';

const WARMUP_CYCLES = 300;
/** Room.ts SYNC_CACHE_MS, in seconds. */
const SYNC_CACHE_S = 5;
const CYCLES = 1000;
/** Strokes the probe draws into the big room, and how many of them it erases. */
const DRAWN = 500;
const ERASED = 100;

interface RoomFigures {
  document: string;
  entries: number;
  loads: number;
}
const UNLOAD_LIMIT_MS = 60_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function cycle(url: string, boardId: string, token: string, name: string): Promise<void> {
  const doc = new Y.Doc();
  const provider = connect(url, boardId, token, doc);
  provider.awareness.setLocalState({ user: { id: 'bench', name, color: '#2563eb', role: 'participant' }, cursor: null });
  await whenSynced(provider, 10_000);
  await disconnect(provider);
  doc.destroy();
}

/** A heap snapshot of the server after gc, split into program objects and compiled code. */
async function snapshotSplit(server: ServerHandle, label: string): Promise<HeapSplit> {
  const path = await server.child.request<string>('snapshot', { path: join(benchTmpDir(), `rooms-${label}.heapsnapshot`) });
  try {
    return splitHeapSnapshot(path);
  } finally {
    rmSync(path, { force: true });
  }
}

export async function runRooms(): Promise<BenchOutput> {
  if (!serverAvailable()) {
    return { title: 'Rooms (target 4)', rows: [{ figure: 'rooms', value: NaN, unit: '', pass: false, note: 'not measured: server/index.ts does not exist yet' }] };
  }
  const room = await prepareBigRoom();
  pinSelf(LOADGEN_CORE);
  const server = await startSketchroom(room.dataDir);
  const rows: Row[] = [];
  const lines: string[] = [];
  try {
    // 1. Memory of the live 10,000-stroke room: after the first join, while a participant draws
    //    and erases (taken at rest), loaded for an edit the board at rest cannot take, at rest again.
    // Room memory = what a heap snapshot after gc holds without V8's compiled code (which new code
    // paths add once per process, not per room); the snapshot counts array buffers' contents too.
    type Probe = { mem: MemoryFigures; split: HeapSplit };
    const probeNow = async (label: string): Promise<Probe> => ({ split: await snapshotSplit(server, label), mem: await server.mem() });
    const p0 = await probeNow('m0');
    const m0 = p0.mem;
    const rooms0 = await server.rooms();
    const probe = await joinBoard(server.url, room.board.id, 'Memory probe');
    const bigDoc = new Y.Doc();
    const big = connect(server.url, room.board.id, probe.token, bigDoc);
    await whenSynced(big, 60_000);
    await sleep(200);
    const p1 = await probeNow('m1');
    const m1 = p1.mem;
    const held = (p: Probe): number => p.split.programBytes - p0.split.programBytes;
    const memNote = (p: Probe): string =>
      `of it array buffers +${((p.mem.arrayBuffers - m0.arrayBuffers) / 1e6).toFixed(2)} MB (heapUsed +${((p.mem.heapUsed - m0.heapUsed) / 1e6).toFixed(1)} MB incl. ${((p.split.compiledBytes - p0.split.compiledBytes) / 1e6).toFixed(1)} MB compiled code, rss +${((p.mem.rss - m0.rss) / 1e6).toFixed(1)} MB); most grown: ${topGrowth(p0.split, p.split)}`;
    const stats = (): Promise<RoomFigures> => server.child.request<RoomFigures>('stats', { boardId: room.board.id });
    const memRow = (figure: string, p: Probe, encoded: number, note: string, target = true): Row => ({
      figure,
      value: held(p) / 1e6,
      unit: 'MB',
      ...(target ? { target: '<= 1.5x doc', pass: le(held(p) / encoded, 1.5) } : {}),
      baseline: encoded / 1e6,
      baselineLabel: 'encoded doc',
      ratio: held(p) / encoded,
      note: `${note}; ${memNote(p)}`,
    });
    const s1 = await stats();
    rows.push({
      ...memRow(
        `room memory, ${room.strokes.toLocaleString('en-US')} strokes, right after the first join`,
        p1,
        room.encodedBytes,
        `rooms loaded ${rooms0} -> ${await server.rooms()}; document ${s1.document} (read once for its index: ${s1.loads} load); the board at rest plus the cached sync answer (kept ${SYNC_CACHE_S} s, sharing the row's buffer)`,
      ),
    });
    await sleep(SYNC_CACHE_S * 1000 + 500);
    rows.push(memRow('  once the cached answer is dropped', await probeNow('m1b'), room.encodedBytes, 'the encoded board and its index of 10,000 entries'));

    // A participant draws 500 strokes and erases 100 of them, at the pace of a drawing person.
    const drawer = new Board(bigDoc, probe.participantId);
    const drawn: string[] = [];
    for (const [i, s] of strokeSequence(DRAWN, { seed: 4711, spread: 20000 }).entries()) {
      drawn.push(drawer.addStroke(s));
      if (i % 50 === 49) await sleep(20);
    }
    drawer.deleteItems(drawn.slice(0, ERASED));
    const wantEntries = room.strokes + DRAWN - ERASED;
    const drawStart = performance.now();
    while ((await stats()).entries !== wantEntries && performance.now() - drawStart < 60_000) await sleep(100);
    const sDrawn = await stats();
    const encodedAfter = Y.encodeStateAsUpdate(bigDoc).byteLength;
    rows.push(
      memRow(
        `  while a participant draws (+${DRAWN} strokes, ${ERASED} erased)`,
        await probeNow('m2'),
        encodedAfter,
        `document ${sDrawn.document}, loads during the drawing: ${sDrawn.loads - s1.loads}, entries ${sDrawn.entries.toLocaleString('en-US')} (want ${wantEntries.toLocaleString('en-US')}); baseline: the drawer's own encoding of the board (erased strokes' points included, as at rest until a collection)`,
      ),
    );

    // An edit the board at rest cannot take (moving a stroke) loads the Y.Doc for ROOM_REST_MS.
    drawer.moveItems([drawn[DRAWN - 1]!], 5, 5);
    const loadStart = performance.now();
    while ((await stats()).document !== 'loaded' && performance.now() - loadStart < 10_000) await sleep(50);
    await sleep(300);
    rows.push(
      memRow(
        '  loaded for an edit the board at rest cannot take (a move)',
        await probeNow('m3'),
        Y.encodeStateAsUpdate(bigDoc).byteLength,
        `informational: the Y.Doc (~420 B of objects per stroke) is kept until nothing has needed it for ROOM_REST_MS (30 s)`,
        false,
      ),
    );
    const restStart = performance.now();
    while ((await server.document(room.board.id)) !== 'resting' && performance.now() - restStart < 90_000) await sleep(250);
    const rested = (await server.document(room.board.id)) === 'resting';
    const p4 = await probeNow('m4');
    const m4 = p4.mem;
    const restRow = memRow('  at rest again, ROOM_REST_MS after the edit', p4, Y.encodeStateAsUpdate(bigDoc).byteLength, `rested ${((performance.now() - restStart) / 1000).toFixed(1)} s after the load`);
    rows.push(rested ? restRow : { ...restRow, pass: false, note: 'the room did not rest within 90 s' });

    // 2. Join/leave cycles on a small board while another participant stays (that room stays
    //    loaded); the big room keeps its participant too, so nothing loads or unloads meanwhile.
    const counts: string[] = [];
    let last = -1;
    let left = performance.now();
    const watch = async (): Promise<number> => {
      const n = await server.rooms();
      if (n !== last) counts.push(`${n} @ ${((performance.now() - left) / 1000).toFixed(1)} s`);
      last = n;
      return n;
    };
    const small = await createBoard(server.url, 'Join and leave');
    const holderDoc = new Y.Doc();
    const holder = connect(server.url, small.id, small.facilitatorKey, holderDoc);
    await whenSynced(holder);
    const model = new Board(holderDoc, small.participantId);
    for (const s of strokeSequence(20, { seed: 404 })) model.addStroke(s);
    const { token } = await joinBoard(server.url, small.id, 'Cycler');
    for (let i = 0; i < WARMUP_CYCLES; i++) await cycle(server.url, small.id, token, `Warm ${i}`);
    await sleep(300);
    const c0 = await server.mem();
    const s0 = await snapshotSplit(server, 'c0');
    const roomsAtC0 = await watch();
    const t0 = performance.now();
    for (let i = 0; i < CYCLES / 2; i++) await cycle(server.url, small.id, token, `Cycle ${i}`);
    await sleep(300);
    const c1 = await server.mem();
    for (let i = CYCLES / 2; i < CYCLES; i++) await cycle(server.url, small.id, token, `Cycle ${i}`);
    const cycleMs = (performance.now() - t0) / CYCLES;
    await sleep(300);
    const c2 = await server.mem();
    const s2 = await snapshotSplit(server, 'c2');
    const roomsAtC2 = await watch();
    const growth = s2.programBytes - s0.programBytes;
    const kb = (b: number): string => `${(b / 1024).toFixed(0)} KB`;
    const valid = roomsAtC0 === 2 && roomsAtC2 === 2;
    rows.push({
      figure: `server heap growth over ${CYCLES} join/leave cycles (program objects)`,
      value: growth / 1024,
      unit: 'KB',
      target: '~0 (<= 64 KB)',
      pass: valid && growth <= 64 * 1024,
      note:
        `heap snapshots after gc: program objects ${s0.programObjects.toLocaleString('en-US')} -> ${s2.programObjects.toLocaleString('en-US')}, most grown: ${topGrowth(s0, s2)}; ` +
        `V8 compiled code and its bookkeeping ${kb(s2.compiledBytes - s0.compiledBytes)} (TurboFan keeps optimising hot functions); ` +
        `heapUsed without code space: halves ${kb(c1.heapData - c0.heapData)} + ${kb(c2.heapData - c1.heapData)}, whole heapUsed ${kb(c2.heapUsed - c0.heapUsed)}, array buffers ${kb(c2.arrayBuffers - c0.arrayBuffers)}; after ${WARMUP_CYCLES} warm-up cycles; ${cycleMs.toFixed(1)} ms per cycle (connect, sync, awareness, close)` +
        (valid ? '' : `; INVALID: a room (un)loaded during the cycles (rooms ${roomsAtC0} -> ${roomsAtC2})`),
    });
    rows.push({ figure: '  heapUsed growth (incl. JIT code outside code space)', value: (c2.heapData - c0.heapData) / 1024, unit: 'KB' });
    rows.push({ figure: '  program heap growth per cycle', value: growth / CYCLES, unit: 'B' });

    // 3. Everyone leaves both rooms: they must unload with the default ROOM_IDLE_MS.
    await disconnect(big);
    await disconnect(holder);
    model.destroy();
    left = performance.now();
    last = -1;
    counts.length = 0;
    await watch();
    let unloadedAt = NaN;
    while (performance.now() - left < UNLOAD_LIMIT_MS + 15_000) {
      await sleep(250);
      if ((await watch()) === 0) {
        unloadedAt = performance.now() - left;
        break;
      }
    }
    rows.push({
      figure: 'idle rooms unloaded after the last leave',
      value: unloadedAt / 1000,
      unit: 's',
      target: '<= 60',
      pass: le(unloadedAt, UNLOAD_LIMIT_MS),
      note: `default ROOM_IDLE_MS; loaded rooms: ${counts.join(', ')} (polled every 250 ms)`,
    });
    const m2 = await server.mem();
    rows.push({
      figure: '  server memory after the unload vs before the load',
      value: (m2.total - m0.total) / 1e6,
      unit: 'MB',
      note: `heap ${((m2.heapUsed - m0.heapUsed) / 1e6).toFixed(2)} MB, array buffers ${((m2.arrayBuffers - m0.arrayBuffers) / 1e6).toFixed(2)} MB`,
    });
    lines.push(`room memory: the server's heap snapshot after gc (array buffer contents included, V8's compiled code left out), before the first join (cold load from SQLite) and after each step`);
    return { title: 'Rooms (target 4)', rows, lines, extra: { m0, m1, m4, c0, c1, c2, m2, counts, encodedBytes: room.encodedBytes, cycleMs } };
  } finally {
    await server.stop();
    pinSelf('all');
  }
}
