/**
 * Target 2, second half: a client joining the 10,000-stroke room on loopback, from `new
 * WebsocketProvider` to its 'sync' event (sync step 2 received and applied). The first join after a
 * server start loads the room from SQLite (cold; median over three server starts); later joins find it
 * loaded (warm). Baseline:
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
/** Server starts, each followed by one cold join: a single cold sample swung 65-130 ms between runs. */
const COLD_JOINS = 3;

export async function runJoin(): Promise<BenchOutput> {
  if (!serverAvailable()) throw new Error('server/index.ts does not exist yet');
  const room = await prepareBigRoom();
  pinSelf(LOADGEN_CORE);
  const cold: Array<{ ms: number; items: number }> = [];
  const warm: number[] = [];
  const local: number[] = [];
  let fresh: JoinChildResult | null = null;
  try {
    // Each cold join is the first one after its own server start, on the same stored room.
    for (let run = 0; run < COLD_JOINS; run++) {
      const server = await startSketchroom(room.dataDir);
      try {
        const { token } = await joinBoard(server.url, room.board.id, 'Late joiner');
        cold.push(await timedJoin(server.url, room.board.id, token));
        if (run > 0) continue;
        for (let i = 0; i < WARM_JOINS; i++) warm.push((await timedJoin(server.url, room.board.id, token)).ms);
        for (let i = 0; i < 3; i++) {
          const t0 = performance.now();
          Y.applyUpdate(new Y.Doc(), room.encoded);
          local.push(performance.now() - t0);
        }
        const childArgs: JoinChildArgs = { url: server.url, boardId: room.board.id, token };
        fresh = await runJsonProcess<JoinChildResult>(join(benchDir, 'joinChild.ts'), [JSON.stringify(childArgs)], { core: LOADGEN_CORE });
      } finally {
        await server.stop();
      }
    }
  } finally {
    pinSelf('all');
  }
  if (!fresh) throw new Error('the fresh-process join did not run');
  const w = median(warm), l = median(local), c = median(cold.map((x) => x.ms));
  const rows: Row[] = [
    { figure: 'join 10,000-stroke room, warm (synced)', value: w, unit: 'ms', target: '<= 100', pass: le(w, 100), baseline: l, baselineLabel: 'local applyUpdate', ratio: w / l },
    { figure: '  first join after server start (cold room)', value: c, unit: 'ms', target: '<= 100', pass: le(c, 100), baseline: l, baselineLabel: 'local applyUpdate', ratio: c / l, note: `median of ${COLD_JOINS} server starts` },
    { figure: '  a client in a fresh process (room warm)', value: fresh.ms, unit: 'ms', baseline: w, baselineLabel: 'warm join', ratio: fresh.ms / w, note: "the client's Yjs and provider code runs for the first time (a browser tab opening the link does the same)" },
  ];
  const lines = [
    `join: ${room.strokes} strokes, encoded document ${(room.encodedBytes / 1e6).toFixed(2)} MB, prepared through the server in ${(room.prepareMs / 1000).toFixed(1)} s; client on core 1, server on core 0`,
    `join ms: cold ${cold.map((x) => `${x.ms.toFixed(0)} (${x.items} items)`).join(' ')}, warm ${warm.map((x) => x.toFixed(0)).join(' ')}; local apply ${local.map((x) => x.toFixed(0)).join(' ')}; fresh client process ${fresh.ms.toFixed(0)} (${fresh.items} items)`,
  ];
  return { title: 'Join', rows, lines, extra: { cold, warm, local, fresh, encodedBytes: room.encodedBytes } };
}
