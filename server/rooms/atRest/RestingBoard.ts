/**
 * A board at rest: its document kept as its encoding (one folded row plus the updates taken since,
 * packed in a RowArena), with its state vector, the index of its live entries, what it has
 * deleted, and the facts the rules read. A room keeps this instead of a Y.Doc (~1.1x the encoding
 * instead of ~2.2x) and still takes additions and erasures (entryChanges.ts); anything else loads
 * the document again.
 */
import * as Y from 'yjs';
import { authorOfStruct } from '../../ws/inspect/docView';
import type { WireDeleteRange } from '../../ws/inspect/readUpdate';
import { readBoardFacts, type BoardFacts } from './boardFacts';
import { DeletedRanges } from './deletedRanges';
import type { EntryChanges } from './entryChanges';
import { EntryIndex, type IndexedEntry } from './entryIndex';
import { ITEMS, type RestingState } from './indexView';
import { RowArena } from './rowArena';

/** The merged updates are folded into the state once they reach this share of it, or this size. */
const FOLD_SHARE = 0.25;
const FOLD_MIN_BYTES = 64 * 1024;
/**
 * Erased entries keep their content in the encoding until the document is loaded and collected
 * again (Yjs garbage collection needs the document): asked for after this many erasures, or a
 * quarter of the live entries, whichever is more.
 */
const COLLECT_AFTER_ERASED = 256;

/** The live entries of a loaded document's `items`. */
function entriesOf(doc: Y.Doc): IndexedEntry[] {
  const entries: IndexedEntry[] = [];
  for (const [key, item] of doc.getMap<unknown>(ITEMS)._map) {
    if (item.deleted) continue;
    entries.push({ key, id: { client: item.id.client, clock: item.id.clock }, author: authorOfStruct(item) });
  }
  return entries;
}

/**
 * Merged rows, or null if Yjs could not merge them: the rows stay as they are (each was inspected
 * and applies on its own; a load applies them in order), so nothing is lost either way.
 */
function mergeOrNull(rows: Uint8Array[]): Uint8Array | null {
  try {
    return Y.mergeUpdates(rows);
  } catch (error) {
    console.warn(`sketchroom: could not merge updates at rest: ${String(error)}`);
    return null;
  }
}

export class RestingBoard implements RestingState {
  private state: Uint8Array;
  /** Updates taken since the last fold. */
  private readonly tail = new RowArena();
  private vector: Uint8Array | null = null;
  private erasedSinceCollect = 0;

  private constructor(
    state: Uint8Array,
    readonly clocks: Map<number, number>,
    readonly index: EntryIndex,
    readonly deleted: DeletedRanges,
    readonly facts: BoardFacts,
  ) {
    this.state = state;
  }

  /** The board of a loaded document whose whole state `state` encodes. */
  static of(doc: Y.Doc, state: Uint8Array): RestingBoard {
    const clocks = Y.decodeStateVector(Y.encodeStateVector(doc));
    return new RestingBoard(state, clocks, EntryIndex.of(entriesOf(doc)), DeletedRanges.ofDoc(doc), readBoardFacts(doc));
  }

  /** The document as rows to apply in order. */
  get rows(): Uint8Array[] {
    return [this.state, ...this.tail.rows()];
  }

  /** Encoded bytes held. */
  get bytes(): number {
    return this.state.byteLength + this.tail.bytes;
  }

  /** Whether erased content has piled up enough to load and collect the document again. */
  get wantsCollect(): boolean {
    return this.erasedSinceCollect >= Math.max(COLLECT_AFTER_ERASED, this.index.size / 4);
  }

  /** The encoded state vector. */
  stateVector(): Uint8Array {
    this.vector ??= Y.encodeStateVector(this.clocks);
    return this.vector;
  }

  /** The whole document as one row (folding what was taken since), or null if it cannot be folded. */
  singleRow(): Uint8Array | null {
    this.fold();
    return this.tail.count === 0 ? this.state : null;
  }

  /** The same bytes as the single row, in another buffer (see RoomDocument.adoptSingleRow). */
  adopt(copy: Uint8Array): void {
    if (this.tail.count === 0 && copy.byteLength === this.state.byteLength) this.state = copy;
  }

  /** Takes an update that entryChanges accepted. `ends`: each writer's clock after it. */
  append(update: Uint8Array, ends: ReadonlyMap<number, number>, changes: EntryChanges, deletes: readonly WireDeleteRange[]): void {
    for (const [client, end] of ends) this.clocks.set(client, end);
    for (const e of changes.created) this.index.add(e.key, e.id, e.author);
    for (const id of changes.erased) this.index.remove(id);
    for (const r of deletes) this.deleted.add(r.client, r.clock, r.length);
    this.erasedSinceCollect += changes.erased.length;
    this.vector = null;
    this.tail.append(update);
    if (this.tail.bytes >= Math.max(FOLD_MIN_BYTES, this.state.byteLength * FOLD_SHARE)) this.fold();
  }

  private fold(): void {
    if (this.tail.count === 0) return;
    const merged = mergeOrNull([this.state, ...this.tail.rows()]);
    if (!merged) return;
    this.state = merged;
    this.tail.clear();
  }
}
