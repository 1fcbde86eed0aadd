/**
 * Target 2, second half: a client joining the 10,000-stroke room on loopback, from `new
 * WebsocketProvider` to its 'sync' event (sync step 2 received and applied). The first join after a
 * server start loads the room from SQLite (cold); later joins find it loaded (warm). Baseline:
 * applying the same encoded document to a fresh Y.Doc in this process.
 */
import * as Y from 'yjs';
import { joinBoard } from './lib/api';
import { prepareBigRoom } from './lib/bigRoom';
import { pinSelf } from './lib/machine';
import { connect, disconnect, whenSynced } from './lib/providers';
import { LOADGEN_CORE, serverAvailable, startSketchroom } from './lib/server';
import { median } from './lib/stats';
import { le, type Row } from './lib/table';
import type { BenchOutput } from './run';

const WARM_JOINS = 5;

async function timedJoin(url: string, boardId: string, token: string): Promise<{ ms: number; items: number }> {
  const doc = new Y.Doc();
  const t0 = performance.now();
  const provider = connect(url, boardId, token, doc);
  await whenSynced(provider, 60_000);
  const ms = performance.now() - t0;
  const items = doc.getMap('items').size;
  await disconnect(provider);
  doc.destroy();
  return { ms, items };
}

export async function runJoin(): Promise<BenchOutput> {
  if (!serverAvailable()) throw new Error('server/index.ts does not exist yet');
  const room = await prepareBigRoom();
  pinSelf(LOADGEN_CORE);
  const server = await startSketchroom(room.dataDir);
  try {
    const { token } = await joinBoard(server.url, room.board.id, 'Late joiner');
    const cold = await timedJoin(server.url, room.board.id, token);
    const warm: number[] = [];
    for (let i = 0; i < WARM_JOINS; i++) warm.push((await timedJoin(server.url, room.board.id, token)).ms);
    const local: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      Y.applyUpdate(new Y.Doc(), room.encoded);
      local.push(performance.now() - t0);
    }
    const w = median(warm), l = median(local);
    const rows: Row[] = [
      { figure: 'join 10,000-stroke room, warm (synced)', value: w, unit: 'ms', target: '<= 100', pass: le(w, 100), baseline: l, baselineLabel: 'local applyUpdate', ratio: w / l },
      { figure: '  first join after server start (cold room)', value: cold.ms, unit: 'ms', target: '<= 100', pass: le(cold.ms, 100), baseline: l, baselineLabel: 'local applyUpdate', ratio: cold.ms / l },
    ];
    const lines = [
      `join: ${room.strokes} strokes, encoded document ${(room.encodedBytes / 1e6).toFixed(2)} MB, prepared through the server in ${(room.prepareMs / 1000).toFixed(1)} s; client on core 1, server on core 0`,
      `join ms: cold ${cold.ms.toFixed(0)} (${cold.items} items), warm ${warm.map((x) => x.toFixed(0)).join(' ')}; local apply ${local.map((x) => x.toFixed(0)).join(' ')}`,
    ];
    return { title: 'Join', rows, lines, extra: { cold, warm, local, encodedBytes: room.encodedBytes } };
  } finally {
    await server.stop();
    pinSelf('all');
  }
}
