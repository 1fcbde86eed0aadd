/**
 * Fresh process (run with --expose-gc): applies one snapshot file to a new Y.Doc the way the server
 * loads a stored row (applyStoredUpdate), or with stock `Y.applyUpdate` (`stock`), and reports the
 * time and the memory it holds (heapUsed + arrayBuffers after gc, including the row that the
 * document's binary contents still point into when loaded the server's way).
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { applyStoredUpdate } from '../server/persistence/applyStoredUpdate';
import { Board } from '../src/model/board';
import { gcMemory } from './lib/child';
import { warmUpApply } from './lib/warmUp';

const [path, ...flags] = process.argv.slice(2);
if (!path) throw new Error('usage: loadChild.ts <snapshot> [board] [stock]');
const apply = flags.includes('stock') ? Y.applyUpdate : applyStoredUpdate;

warmUpApply(apply);

/** Reads and applies the file; the update buffer goes out of scope when this returns. */
function load(file: string): { doc: Y.Doc; size: number; applyMs: number } {
  const update = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  const doc = new Y.Doc();
  apply(doc, update);
  return { doc, size: update.length, applyMs: performance.now() - t0 };
}

const before = gcMemory();
const { doc, size, applyMs } = load(path);
let boardMs = NaN;
let items = doc.getMap('items').size;
if (flags.includes('board')) {
  const t1 = performance.now();
  const board = new Board(doc, 'reader0001');
  boardMs = performance.now() - t1;
  items = board.size;
}
const after = gcMemory();
process.stdout.write(
  JSON.stringify({
    size,
    applyMs,
    boardMs,
    items,
    memDelta: after.total - before.total,
    heapDelta: after.heapUsed - before.heapUsed,
    arrayBuffersDelta: after.arrayBuffers - before.arrayBuffers,
  }) + '\n',
);
// Keep the doc alive until after the measurement.
if (doc.clientID < 0) console.log('unreachable');
