/** Sets of Yjs clock ranges [clock, clock + len) for one client: sorted, non-overlapping. */

export interface Range {
  clock: number;
  len: number;
}

/** The union of two sets of [clock, clock + len) ranges, sorted and merged. */
export function mergeRanges(
  a: readonly Range[],
  b: readonly Range[],
): Range[] {
  const all = [...a, ...b].sort((x, y) => x.clock - y.clock);
  const out: Range[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r.clock <= last.clock + last.len) last.len = Math.max(last.len, r.clock + r.len - last.clock);
    else out.push({ clock: r.clock, len: r.len });
  }
  return out;
}

/** `ranges` below `end`. */
export function clipRanges(ranges: readonly Range[], end: number): Range[] {
  return ranges.filter((r) => r.clock < end).map((r) => ({ clock: r.clock, len: Math.min(r.len, end - r.clock) }));
}

/** `a` without `b` (both sorted, non-overlapping). */
export function subtractRanges(
  a: readonly Range[],
  b: readonly Range[],
): Range[] {
  const out: Range[] = [];
  let j = 0;
  for (const r of a) {
    let start = r.clock;
    const end = r.clock + r.len;
    while (j < b.length && b[j]!.clock + b[j]!.len <= start) j++;
    for (let k = j; k < b.length && b[k]!.clock < end; k++) {
      const cut = b[k]!;
      if (cut.clock > start) out.push({ clock: start, len: cut.clock - start });
      start = Math.max(start, cut.clock + cut.len);
    }
    if (start < end) out.push({ clock: start, len: end - start });
  }
  return out;
}
