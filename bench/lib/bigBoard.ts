/**
 * The 10,000-stroke board, built through `Board.addStroke` by 30 authors (one Y.Doc each, as on
 * 30 laptops) and merged into one document; the same strokes as float number arrays for the
 * baseline. Snapshots are written to a temp dir so that fresh child processes can load them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyBetween } from 'fractional-indexing';
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
  compactPath: string;
  floatsPath: string;
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

  const dir = benchTmpDir();
  const compactPath = join(dir, `board-${count}-compact.bin`);
  const floatsPath = join(dir, `board-${count}-floats.bin`);
  writeFileSync(compactPath, compact);
  writeFileSync(floatsPath, floats);
  for (const b of boards) {
    b.destroy();
    b.doc.destroy();
  }
  const structsPerStroke = Y.decodeUpdate(compact).structs.length / count;
  cached = { strokes: count, compact, floats, compactPath, floatsPath, structsPerStroke, buildMs: performance.now() - t0 };
  return cached;
}

