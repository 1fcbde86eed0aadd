/**
 * Splits a V8 heap snapshot into what the program holds and what V8 keeps for compiled code.
 * `heapUsed` after gc still grows for a while in a long-running server even when no object leaks:
 * TurboFan keeps optimising (and re-optimising) functions as they get hot, and its code, deopt
 * data, relocation info and the weak lists that track optimised code live partly outside the code
 * spaces. A leak shows up in the program part; JIT warm-up only in the compiled-code part.
 */
import { readFileSync } from 'node:fs';

export interface HeapSplit {
  /** Self sizes of every node but compiled code and V8's weak code lists. */
  programBytes: number;
  programObjects: number;
  /** Code objects (bytecode, baseline and optimised code, deopt data, ...) and weak code lists. */
  compiledBytes: number;
  /** Program bytes per constructor / node name, for diagnosing a difference. */
  byName: Map<string, { count: number; bytes: number }>;
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** V8 bookkeeping that grows with optimised code, not with the program's data. */
const COMPILED_HIDDEN = new Set(['system / WeakArrayList', 'system / WeakFixedArray']);
const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

export function splitHeapSnapshot(path: string): HeapSplit {
  const json = JSON.parse(readFileSync(path, 'utf8')) as SnapshotJson;
  const fields = json.snapshot.meta.node_fields;
  const types = json.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const split: HeapSplit = { programBytes: 0, programObjects: 0, compiledBytes: 0, byName: new Map() };
  const nodes = json.nodes;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]!]!;
    const name = json.strings[nodes[i + nameAt]!]!;
    const size = nodes[i + sizeAt]!;
    if (type === 'code' || (type === 'hidden' && COMPILED_HIDDEN.has(name))) {
      split.compiledBytes += size;
      continue;
    }
    split.programBytes += size;
    split.programObjects++;
    const key = STRING_TYPES.has(type) ? `(${type})` : `${type}: ${name.slice(0, 60)}`;
    const entry = split.byName.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += size;
    split.byName.set(key, entry);
  }
  return split;
}

/** The names whose program bytes grew most between two splits (for the bench's note). */
export function topGrowth(before: HeapSplit, after: HeapSplit, n = 3): string {
  const rows: Array<[string, number, number]> = [];
  for (const [name, a] of after.byName) {
    const b = before.byName.get(name) ?? { count: 0, bytes: 0 };
    if (a.bytes > b.bytes) rows.push([name, a.bytes - b.bytes, a.count - b.count]);
  }
  rows.sort((x, y) => y[1] - x[1]);
  return rows.slice(0, n).map(([name, bytes, count]) => `${name} +${bytes} B (${count >= 0 ? '+' : ''}${count})`).join(', ') || 'none';
}
