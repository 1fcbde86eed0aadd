/**
 * Issue 5, private drawing: what a filtered sync answer costs (another participant or the projector
 * joining during the phase) against the unfiltered one every joiner gets otherwise, on the
 * 10,000-stroke board by 30 authors with half of every author's work past the boundary. Also the
 * reveal's catch-up encoding. In-process; no server.
 */
import * as Y from 'yjs';
import { deleteRangesOf, encodeFilteredUpdate, encodeStateVectorMap, stateOf } from '../server/rooms/privacy/filteredUpdate';
import { buildBigBoards } from './lib/bigBoard';
import { median } from './lib/stats';
import type { Row } from './lib/table';
import type { BenchOutput } from './run';

const RUNS = 7;

interface Timed {
  ms: number;
  bytes: number;
}

export async function runPrivacy(): Promise<BenchOutput> {
  const board = buildBigBoards();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, board.compact);
  // Half of every author's clock range is "private".
  const caps = new Map([...stateOf(doc)].map(([client, clock]) => [client, Math.floor(clock / 2)]));
  const deletes = deleteRangesOf(doc);

  // Interleaved, after one warm-up round, so JIT and machine load hit all three alike.
  const fns = [() => Y.encodeStateAsUpdate(doc), () => encodeFilteredUpdate(doc, new Map(), caps, deletes), () => Y.encodeStateAsUpdate(doc, encodeStateVectorMap(caps))];
  fns.forEach((fn) => fn());
  const samples = fns.map(() => ({ ms: [] as number[], bytes: 0 }));
  for (let i = 0; i < RUNS; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      samples[k]!.bytes = fn().length;
      samples[k]!.ms.push(performance.now() - t0);
    });
  }
  const [plain, filtered, reveal] = samples.map((s) => ({ ms: median(s.ms), bytes: s.bytes })) as [Timed, Timed, Timed];
  const rows: Row[] = [
    { figure: 'sync answer, 10,000 strokes, unfiltered', value: plain.ms, unit: 'ms', note: `${(plain.bytes / 1e6).toFixed(2)} MB` },
    { figure: '  filtered (29 others capped at half)', value: filtered.ms, unit: 'ms', baseline: plain.ms, baselineLabel: 'unfiltered', ratio: filtered.ms / plain.ms, note: `${(filtered.bytes / 1e6).toFixed(2)} MB` },
    { figure: '  reveal catch-up (everything past the boundary)', value: reveal.ms, unit: 'ms', baseline: plain.ms, baselineLabel: 'unfiltered', ratio: reveal.ms / plain.ms, note: `${(reveal.bytes / 1e6).toFixed(2)} MB` },
  ];
  doc.destroy();
  return { title: 'Private drawing: filtered sync answers', rows };
}
