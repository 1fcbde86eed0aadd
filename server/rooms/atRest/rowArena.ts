/**
 * The updates a board at rest has taken since its last fold, packed end to end in one growing
 * buffer: no per-update ArrayBuffer (a hundred-odd bytes of heap each) and no merging on the way
 * (Y.mergeUpdates of a few dozen small updates costs about a millisecond); the fold merges them
 * with the state in one go.
 */
export class RowArena {
  private buffer = new Uint8Array(0);
  private ends: number[] = [];
  private used = 0;

  get bytes(): number {
    return this.used;
  }

  get count(): number {
    return this.ends.length;
  }

  /** Copies `row` in (a socket message can be a slice of a pooled buffer). */
  append(row: Uint8Array): void {
    const need = this.used + row.byteLength;
    if (need > this.buffer.byteLength) {
      const grown = new Uint8Array(Math.max(need, this.buffer.byteLength * 2, 4096));
      grown.set(this.buffer.subarray(0, this.used));
      this.buffer = grown;
    }
    this.buffer.set(row, this.used);
    this.used = need;
    this.ends.push(need);
  }

  /** The rows, in order, as views (valid until the next append or clear). */
  rows(): Uint8Array[] {
    let start = 0;
    return this.ends.map((end) => {
      const row = this.buffer.subarray(start, end);
      start = end;
      return row;
    });
  }

  clear(): void {
    this.buffer = new Uint8Array(0);
    this.ends = [];
    this.used = 0;
  }
}
