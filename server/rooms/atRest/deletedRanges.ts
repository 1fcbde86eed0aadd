/**
 * What a resting board has already deleted, as Yjs keeps it: per client, sorted ranges of clocks.
 * A reconnecting client's sync step 2 repeats its whole delete set; the ranges tell which of it is
 * old news, so only the rest has to be live entries of the index (EntryIndex). Erasing one's
 * strokes in order makes one growing range per client, so this stays small.
 */
import * as Y from 'yjs';

export class DeletedRanges {
  /** client -> [start0, end0, start1, end1, ...], sorted, disjoint, not touching. */
  private readonly ranges = new Map<number, number[]>();

  /** The delete set of a loaded document (deleted items and collected ranges). */
  static ofDoc(doc: Y.Doc): DeletedRanges {
    const out = new DeletedRanges();
    const ds = Y.createDeleteSetFromStructStore(doc.store);
    for (const [client, items] of ds.clients) {
      const flat: number[] = [];
      for (const d of items) flat.push(d.clock, d.clock + d.len);
      if (flat.length > 0) out.ranges.set(client, flat);
    }
    return out;
  }

  /** Marks [clock, clock + length) of `client` deleted. */
  add(client: number, clock: number, length: number): void {
    if (length <= 0) return;
    let flat = this.ranges.get(client);
    if (!flat) {
      flat = [];
      this.ranges.set(client, flat);
    }
    let start = clock;
    let end = clock + length;
    // First range that ends at or after `start` (touching ranges merge).
    let i = 0;
    while (i < flat.length && flat[i + 1]! < start) i += 2;
    let j = i;
    while (j < flat.length && flat[j]! <= end) {
      start = Math.min(start, flat[j]!);
      end = Math.max(end, flat[j + 1]!);
      j += 2;
    }
    flat.splice(i, j - i, start, end);
  }

  /** Calls `visit` with every clock of [clock, clock + length) of `client` that is not deleted. */
  forEachUndeleted(client: number, clock: number, length: number, visit: (clock: number) => void): void {
    const flat = this.ranges.get(client) ?? [];
    const end = clock + length;
    let c = clock;
    let i = 0;
    while (i < flat.length && flat[i + 1]! <= c) i += 2;
    while (c < end) {
      if (i < flat.length && flat[i]! <= c) {
        c = flat[i + 1]!;
        i += 2;
        continue;
      }
      const stop = i < flat.length ? Math.min(end, flat[i]!) : end;
      for (; c < stop; c++) visit(c);
    }
  }

  /** Ranges held (tests and memory checks). */
  get rangeCount(): number {
    let n = 0;
    for (const flat of this.ranges.values()) n += flat.length / 2;
    return n;
  }
}
