/**
 * The 10,000-stroke board, built through `Board.addStroke` by 30 authors (one Y.Doc each, as on
 * 30 laptops) and merged into one document; the same strokes as float number arrays for the
 * baseline. Snapshots are written to a temp dir so that fresh child processes can load them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyBetween } from 'fractional-indexing';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { Board } from '../../src/model/board';
import { writeFloatArrayItem } from './baselines';
import { docWithClientId, makeItemId, makeRng, strokeSequence, type BenchStroke } from './strokes';

export const BIG_BOARD_STROKES = 10_000;
export const BIG_BOARD_AUTHORS = 30;

export interface BigBoards {
  strokes: number;
  compact: Uint8Array;
  floats: Uint8Array;
  /** What-if: one struct per stroke (all fields packed into one buffer next to the points). */
  packed: Uint8Array;
  compactPath: string;
  floatsPath: string;
  packedPath: string;
  /** Yjs structs (items) per stroke in the compact board: load time and memory follow this. */
  structsPerStroke: number;
  buildMs: number;
}

let cached: BigBoards | null = null;

export function benchTmpDir(): string {
  const dir = join(tmpdir(), `sketchroom-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function bigBoardStrokes(count = BIG_BOARD_STROKES): BenchStroke[] {
  return strokeSequence(count, { seed: 7001, penShare: 0.5, spread: 20000 });
}

export function buildBigBoards(count = BIG_BOARD_STROKES): BigBoards {
  if (cached && cached.strokes === count) return cached;
  const t0 = performance.now();
  const strokes = bigBoardStrokes(count);
  const rng = makeRng(99);
  const authors = Array.from({ length: BIG_BOARD_AUTHORS }, () => makeItemId(rng).slice(0, 10));
  const clientIds = authors.map(() => Math.floor(rng() * 2 ** 32));

  const main = new Y.Doc();
  const boards = authors.map((a, k) => {
    const doc = docWithClientId(clientIds[k]!);
    doc.on('update', (u: Uint8Array) => Y.applyUpdate(main, u));
    return new Board(doc, a);
  });
  strokes.forEach((s, i) => boards[i % boards.length]!.addStroke(s));
  const compact = Y.encodeStateAsUpdate(main);

  const floatMain = new Y.Doc();
  const floatDocs = authors.map((_, k) => {
    const doc = docWithClientId(clientIds[k]!);
    doc.on('update', (u: Uint8Array) => Y.applyUpdate(floatMain, u));
    return doc;
  });
  const tops: Array<string | null> = authors.map(() => null);
  strokes.forEach((s, i) => {
    const k = i % authors.length;
    const index = generateKeyBetween(tops[k]!, null);
    tops[k] = index;
    writeFloatArrayItem(floatDocs[k]!, s, authors[k]!, index);
  });
  const floats = Y.encodeStateAsUpdate(floatMain);
  const packed = packOneStructPerStroke(main);

  const dir = benchTmpDir();
  const compactPath = join(dir, `board-${count}-compact.bin`);
  const floatsPath = join(dir, `board-${count}-floats.bin`);
  writeFileSync(compactPath, compact);
  writeFileSync(floatsPath, floats);
  const packedPath = join(dir, `board-${count}-packed.bin`);
  writeFileSync(packedPath, packed);
  for (const b of boards) {
    b.destroy();
    b.doc.destroy();
  }
  const structsPerStroke = Y.decodeUpdate(compact).structs.length / count;
  cached = { strokes: count, compact, floats, packed, compactPath, floatsPath, packedPath, structsPerStroke, buildMs: performance.now() - t0 };
  return cached;
}

/**
 * What-if layout for the report: each stroke as one Uint8Array value in `items` (kind, author,
 * index, x, y, tool, color, width, then the same point buffer), so one Yjs struct per stroke
 * instead of a nested map of nine.
 */
function packOneStructPerStroke(source: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  const items = doc.getMap<Uint8Array>('items');
  doc.transact(() => {
    source.getMap<Y.Map<unknown>>('items').forEach((m, id) => {
      const enc = encoding.createEncoder();
      encoding.writeVarString(enc, String(m.get('kind')));
      encoding.writeVarString(enc, String(m.get('author')));
      encoding.writeVarString(enc, String(m.get('index')));
      encoding.writeVarInt(enc, Number(m.get('x')));
      encoding.writeVarInt(enc, Number(m.get('y')));
      encoding.writeVarString(enc, String(m.get('tool')));
      encoding.writeVarString(enc, String(m.get('color')));
      encoding.writeVarUint(enc, Math.round(Number(m.get('width')) * 10));
      encoding.writeVarUint8Array(enc, m.get('points') as Uint8Array);
      items.set(id, encoding.toUint8Array(enc));
    });
  });
  const out = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return out;
}
