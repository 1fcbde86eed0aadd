/**
 * Hit-test primitives over flat coordinate arrays (x0, y0, x1, y1, ...): distances between points,
 * segments and polylines, point in polygon, segment against box. Pure; no allocation in the loops.
 */
import type { Box } from './box';
import type { Vec } from './camera';

export function distSqPointSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const lenSq = dx * dx + dy * dy;
  let t = lenSq === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lenSq;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const cx = ax + t * dx - px, cy = ay + t * dy - py;
  return cx * cx + cy * cy;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

export function segmentsIntersect(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay), d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy), d4 = orient(ax, ay, bx, by, dx, dy);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

export function distSqSegmentSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
  if (segmentsIntersect(ax, ay, bx, by, cx, cy, dx, dy)) return 0;
  return Math.min(
    distSqPointSegment(ax, ay, cx, cy, dx, dy),
    distSqPointSegment(bx, by, cx, cy, dx, dy),
    distSqPointSegment(cx, cy, ax, ay, bx, by),
    distSqPointSegment(dx, dy, ax, ay, bx, by),
  );
}

/** Smallest distance from a point to a polyline (flat x, y pairs); a single point is a dot. */
export function distPointPolyline(p: Vec, line: ArrayLike<number>, closed = false): number {
  const n = line.length >> 1;
  if (n === 0) return Infinity;
  if (n === 1) return Math.hypot(p.x - line[0]!, p.y - line[1]!);
  let best = Infinity;
  const last = closed ? n : n - 1;
  for (let i = 0; i < last; i++) {
    const j = (i + 1) % n;
    const d = distSqPointSegment(p.x, p.y, line[i * 2]!, line[i * 2 + 1]!, line[j * 2]!, line[j * 2 + 1]!);
    if (d < best) best = d;
  }
  return Math.sqrt(best);
}

/** Smallest distance from segment a-b to a polyline. */
export function distSegmentPolyline(a: Vec, b: Vec, line: ArrayLike<number>, closed = false): number {
  const n = line.length >> 1;
  if (n === 0) return Infinity;
  if (n === 1) return Math.sqrt(distSqPointSegment(line[0]!, line[1]!, a.x, a.y, b.x, b.y));
  let best = Infinity;
  const last = closed ? n : n - 1;
  for (let i = 0; i < last; i++) {
    const j = (i + 1) % n;
    const d = distSqSegmentSegment(a.x, a.y, b.x, b.y, line[i * 2]!, line[i * 2 + 1]!, line[j * 2]!, line[j * 2 + 1]!);
    if (d < best) best = d;
    if (best === 0) break;
  }
  return Math.sqrt(best);
}

/** Even-odd point in polygon (flat x, y pairs). */
export function pointInPolygon(p: Vec, poly: ArrayLike<number>): boolean {
  const n = poly.length >> 1;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = poly[i * 2]!, yi = poly[i * 2 + 1]!, xj = poly[j * 2]!, yj = poly[j * 2 + 1]!;
    if (yi > p.y !== yj > p.y && p.x < ((xj - xi) * (p.y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInBox(p: Vec, b: Box): boolean {
  return p.x >= b.minX && p.x <= b.maxX && p.y >= b.minY && p.y <= b.maxY;
}

/** Whether any part of the polyline lies inside the box (vertices inside, or an edge crossing it). */
export function polylineTouchesBox(line: ArrayLike<number>, b: Box, closed = false): boolean {
  const n = line.length >> 1;
  for (let i = 0; i < n; i++) if (pointInBox({ x: line[i * 2]!, y: line[i * 2 + 1]! }, b)) return true;
  const last = closed ? n : n - 1;
  const edges: Array<[number, number, number, number]> = [
    [b.minX, b.minY, b.maxX, b.minY],
    [b.maxX, b.minY, b.maxX, b.maxY],
    [b.maxX, b.maxY, b.minX, b.maxY],
    [b.minX, b.maxY, b.minX, b.minY],
  ];
  for (let i = 0; i < last; i++) {
    const j = (i + 1) % n;
    for (const [ex, ey, fx, fy] of edges) {
      if (segmentsIntersect(line[i * 2]!, line[i * 2 + 1]!, line[j * 2]!, line[j * 2 + 1]!, ex, ey, fx, fy)) return true;
    }
  }
  return false;
}

/** Bounds of flat x, y pairs. */
export function boundsOfPairs(line: ArrayLike<number>, pad = 0): Box {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i + 1 < line.length; i += 2) {
    const x = line[i]!, y = line[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (minX > maxX) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return { minX: minX - pad, minY: minY - pad, maxX: maxX + pad, maxY: maxY + pad };
}
