/**
 * Target 4, rooms: server memory of a loaded room against its encoded document, 1,000 join/leave
 * cycles (server heap after gc before vs after), and idle rooms unloading with the server's
 * default ROOM_IDLE_MS. The server runs in its own process (core 0, --expose-gc); the clients here
 * (core 1).
 */
import * as Y from 'yjs';
import { Board } from '../src/model/board';
import { createBoard, joinBoard } from './lib/api';
import { prepareBigRoom } from './lib/bigRoom';
import { pinSelf } from './lib/machine';
import { connect, disconnect, whenSynced } from './lib/providers';
import { LOADGEN_CORE, serverAvailable, startSketchroom } from './lib/server';
import { strokeSequence } from './lib/strokes';
import { le, type Row } from './lib/table';
import type { BenchOutput } from './run';

const WARMUP_CYCLES = 300;
const CYCLES = 1000;
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
    // 1. Memory of the loaded 10,000-stroke room.
    const m0 = await server.mem();
    const rooms0 = await server.rooms();
    const { token: bigToken } = await joinBoard(server.url, room.board.id, 'Memory probe');
    const bigDoc = new Y.Doc();
    const big = connect(server.url, room.board.id, bigToken, bigDoc);
    await whenSynced(big, 60_000);
    await sleep(200);
    const m1 = await server.mem();
    const roomBytes = m1.total - m0.total;
    const ratio = roomBytes / room.encodedBytes;
    rows.push({
      figure: `room memory, ${room.strokes.toLocaleString('en-US')} strokes (1 connection)`,
      value: roomBytes / 1e6,
      unit: 'MB',
      target: '<= 1.5x doc',
      pass: le(ratio, 1.5),
      baseline: room.encodedBytes / 1e6,
      baselineLabel: 'encoded doc',
      ratio,
      note: `server heap +${((m1.heapUsed - m0.heapUsed) / 1e6).toFixed(1)} MB, array buffers +${((m1.arrayBuffers - m0.arrayBuffers) / 1e6).toFixed(1)} MB, rss +${((m1.rss - m0.rss) / 1e6).toFixed(1)} MB; rooms loaded ${rooms0} -> ${await server.rooms()}`,
    });

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
    const roomsAtC0 = await watch();
    const t0 = performance.now();
    for (let i = 0; i < CYCLES / 2; i++) await cycle(server.url, small.id, token, `Cycle ${i}`);
    await sleep(300);
    const c1 = await server.mem();
    for (let i = CYCLES / 2; i < CYCLES; i++) await cycle(server.url, small.id, token, `Cycle ${i}`);
    const cycleMs = (performance.now() - t0) / CYCLES;
    await sleep(300);
    const c2 = await server.mem();
    const roomsAtC2 = await watch();
    const growth = c2.heapData - c0.heapData;
    const kb = (b: number): string => `${(b / 1024).toFixed(0)} KB`;
    const valid = roomsAtC0 === 2 && roomsAtC2 === 2;
    rows.push({
      figure: `server heap growth over ${CYCLES} join/leave cycles`,
      value: growth / 1024,
      unit: 'KB',
      target: '~0 (<= 64 KB)',
      pass: valid && growth <= 64 * 1024,
      note:
        `heap without JIT code space; halves ${kb(c1.heapData - c0.heapData)} + ${kb(c2.heapData - c1.heapData)}; whole heapUsed ${kb(c2.heapUsed - c0.heapUsed)}, array buffers ${kb(c2.arrayBuffers - c0.arrayBuffers)}; after ${WARMUP_CYCLES} warm-up cycles; ${cycleMs.toFixed(1)} ms per cycle (connect, sync, awareness, close)` +
        (valid ? '' : `; INVALID: a room (un)loaded during the cycles (rooms ${roomsAtC0} -> ${roomsAtC2})`),
    });
    rows.push({ figure: '  heap growth per cycle', value: growth / CYCLES, unit: 'B' });

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
    lines.push(`room memory measured as heapUsed + arrayBuffers after gc in the server process, before and after the first join (cold load from SQLite)`);
    return { title: 'Rooms (target 4)', rows, lines, extra: { m0, m1, c0, c1, c2, m2, counts, encodedBytes: room.encodedBytes, cycleMs } };
  } finally {
    await server.stop();
    pinSelf('all');
  }
}
