/** Latencies in 0.1 ms buckets up to 60 s: constant memory however many samples. */
const BUCKETS = 600_000;

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS + 1);
  count = 0;
  max = 0;

  add(ms: number): void {
    const b = Math.min(BUCKETS, Math.max(0, Math.round(ms * 10)));
    this.counts[b]!++;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let b = 0; b <= BUCKETS; b++) {
      seen += this.counts[b]!;
      if (seen >= rank) return b / 10;
    }
    return this.max;
  }
}
