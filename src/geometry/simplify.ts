/**
 * Ramer-Douglas-Peucker simplification of flat stride-3 points (x, y, pressure).
 * Pressure is carried along but does not drive the decision: the tolerance is geometric, and at
 * <= 0.3 px the dropped points are invisible under the stroke's own width.
 */
const STRIDE = 3;

function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lenSq = dx * dx + dy * dy;
  let t = lenSq === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lenSq;
  t = Math.max(0, Math.min(1, t));
  const cx = ax + t * dx - px;
  const cy = ay + t * dy - py;
  return cx * cx + cy * cy;
}

/** Returns a new array of the kept points; first and last points are always kept. */
export function simplifyPoints(points: ArrayLike<number>, tolerance: number): number[] {
  const count = Math.floor(points.length / STRIDE);
  if (count <= 2 || tolerance <= 0) return Array.from(points).slice(0, count * STRIDE);
  const keep = new Uint8Array(count);
  keep[0] = 1;
  keep[count - 1] = 1;
  const tolSq = tolerance * tolerance;
  // An explicit stack instead of recursion: a 5,000-point stroke must not risk the call stack.
  const stack: number[] = [0, count - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    const ax = points[first * STRIDE]!, ay = points[first * STRIDE + 1]!;
    const bx = points[last * STRIDE]!, by = points[last * STRIDE + 1]!;
    let maxSq = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistanceSq(points[i * STRIDE]!, points[i * STRIDE + 1]!, ax, ay, bx, by);
      if (d > maxSq) {
        maxSq = d;
        index = i;
      }
    }
    if (index !== -1 && maxSq > tolSq) {
      keep[index] = 1;
      stack.push(first, index, index, last);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (keep[i]) out.push(points[i * STRIDE]!, points[i * STRIDE + 1]!, points[i * STRIDE + 2]!);
  }
  return out;
}
