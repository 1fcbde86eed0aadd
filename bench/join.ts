/**
 * Target 2, second half: a client joining the 10,000-stroke room on loopback, from `new
 * WebsocketProvider` to its 'sync' event (sync step 2 received and applied). The first join after a
 * server start loads the room from SQLite (cold); later joins find it loaded (warm). Baseline:
 * applying the same encoded document to a fresh Y.Doc in this process. The client here is this
 * bench process, whose Yjs code is warm from the preparation; one more join from a fresh process
 * (joinChild.ts) shows what a client whose code has not run yet pays on top.
 */
import * as Y from 'yjs';
import { join } from 'node:path';
import { joinBoard } from './lib/api';
import { prepareBigRoom } from './lib/bigRoom';
import { benchDir } from './lib/child';
import { pinSelf } from './lib/machine';
import { timedJoin } from './lib/providers';
import { runJsonProcess } from './lib/runOnce';
import { LOADGEN_CORE, serverAvailable, startSketchroom } from './lib/server';
import { median } from './lib/stats';
import { le, type Row } from './lib/table';
import type { JoinChildArgs, JoinChildResult } from './joinChild';
import type { BenchOutput } from './run';

const WARM_JOINS = 5;

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
    const childArgs: JoinChildArgs = { url: server.url, boardId: room.board.id, token };
    const fresh = await runJsonProcess<JoinChildResult>(join(benchDir, 'joinChild.ts'), [JSON.stringify(childArgs)], { core: LOADGEN_CORE });
    const w = median(warm), l = median(local);
    const rows: Row[] = [
      { figure: 'join 10,000-stroke room, warm (synced)', value: w, unit: 'ms', target: '<= 100', pass: le(w, 100), baseline: l, baselineLabel: 'local applyUpdate', ratio: w / l },
      { figure: '  first join after server start (cold room)', value: cold.ms, unit: 'ms', target: '<= 100', pass: le(cold.ms, 100), baseline: l, baselineLabel: 'local applyUpdate', ratio: cold.ms / l },
      { figure: '  a client in a fresh process (room warm)', value: fresh.ms, unit: 'ms', baseline: w, baselineLabel: 'warm join', ratio: fresh.ms / w, note: "the client's Yjs and provider code runs for the first time (a browser tab opening the link does the same)" },
    ];
    const lines = [
      `join: ${room.strokes} strokes, encoded document ${(room.encodedBytes / 1e6).toFixed(2)} MB, prepared through the server in ${(room.prepareMs / 1000).toFixed(1)} s; client on core 1, server on core 0`,
      `join ms: cold ${cold.ms.toFixed(0)} (${cold.items} items), warm ${warm.map((x) => x.toFixed(0)).join(' ')}; local apply ${local.map((x) => x.toFixed(0)).join(' ')}; fresh client process ${fresh.ms.toFixed(0)} (${fresh.items} items)`,
    ];
    return { title: 'Join', rows, lines, extra: { cold, warm, local, fresh, encodedBytes: room.encodedBytes } };
  } finally {
    await server.stop();
    pinSelf('all');
  }
}
