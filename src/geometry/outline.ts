/**
 * Hit-test geometry of each kind of board item, built from plain fields (geometry knows nothing of
 * the model: the editor passes decoded points and measured text boxes). Every item becomes a few
 * polylines in board coordinates, a stroke radius around them, and, for closed shapes, the area
 * they enclose. Select, marquee and eraser tests all run on this one form.
 */
import type { Box } from './box';
import type { Vec } from './camera';
import { boundsOfPairs, distPointPolyline, distSegmentPolyline, pointInPolygon, polylineTouchesBox, pointInBox } from './hit';

interface Placed {
  x: number;
  y: number;
  /** Degrees clockwise around (x, y). */
  rotation: number;
}

export type GeometryInput =
  | (Placed & { kind: 'stroke'; width: number; scaleX: number; scaleY: number; /** relative to x, y; stride 3 */ points: ArrayLike<number> })
  | (Placed & { kind: 'shape'; shape: 'rect' | 'ellipse' | 'line' | 'arrow'; w: number; h: number; width: number; fill: 'none' | 'semi' | 'solid' })
  /** Text and sticky notes: a solid box of w x h from the origin. */
  | (Placed & { kind: 'box'; w: number; h: number });

export interface Outline {
  lines: Array<{ points: number[]; closed: boolean }>;
  /** Half the drawn line width: a point this close to a line touches it. */
  radius: number;
  /** The enclosed area (closed shapes, text, stickies), board coordinates. */
  area: number[] | null;
  /** Whether the area is painted (a hollow shape is hit inside only as a last resort). */
  filled: boolean;
  /** Bounds including the line width. */
  box: Box;
}

const ELLIPSE_SEGMENTS = 48;

/** Arrow head size for a line width (board px): shared with the renderer so both agree. */
export function arrowHead(width: number): { length: number; angle: number } {
  return { length: Math.max(14, width * 3.2), angle: 28 };
}

function place(local: number[], g: Placed): number[] {
  if (g.rotation === 0) {
    const out = new Array<number>(local.length);
    for (let i = 0; i < local.length; i += 2) {
      out[i] = local[i]! + g.x;
      out[i + 1] = local[i + 1]! + g.y;
    }
    return out;
  }
  const r = (g.rotation * Math.PI) / 180;
  const cos = Math.cos(r), sin = Math.sin(r);
  const out = new Array<number>(local.length);
  for (let i = 0; i < local.length; i += 2) {
    const x = local[i]!, y = local[i + 1]!;
    out[i] = g.x + x * cos - y * sin;
    out[i + 1] = g.y + x * sin + y * cos;
  }
  return out;
}

function rectPoints(x0: number, y0: number, w: number, h: number): number[] {
  return [x0, y0, x0 + w, y0, x0 + w, y0 + h, x0, y0 + h];
}

function ellipsePoints(w: number, h: number): number[] {
  const out: number[] = [];
  const rx = w / 2, ry = h / 2;
  for (let i = 0; i < ELLIPSE_SEGMENTS; i++) {
    const t = (i / ELLIPSE_SEGMENTS) * Math.PI * 2;
    out.push(rx + rx * Math.cos(t), ry + ry * Math.sin(t));
  }
  return out;
}

/** The two barbs of an arrow head at (w, h) pointing away from (0, 0), local coordinates. */
export function arrowBarbs(w: number, h: number, width: number): [Vec, Vec] {
  const { length, angle } = arrowHead(width);
  const len = Math.hypot(w, h) || 1;
  const ux = w / len, uy = h / len;
  const a = (angle * Math.PI) / 180;
  const l = Math.min(length, len * 0.6 + 6);
  const back = (s: number): Vec => ({
    x: w - l * (ux * Math.cos(a) - s * uy * Math.sin(a)),
    y: h - l * (uy * Math.cos(a) + s * ux * Math.sin(a)),
  });
  return [back(1), back(-1)];
}

export function outlineOf(g: GeometryInput): Outline {
  let lines: Outline['lines'];
  let radius = 0;
  let area: number[] | null = null;
  let filled = false;
  switch (g.kind) {
    case 'stroke': {
      const pts: number[] = [];
      for (let i = 0; i + 1 < g.points.length; i += 3) pts.push(g.points[i]! * g.scaleX, g.points[i + 1]! * g.scaleY);
      lines = [{ points: place(pts, g), closed: false }];
      radius = g.width / 2;
      break;
    }
    case 'shape': {
      radius = g.width / 2;
      if (g.shape === 'rect' || g.shape === 'ellipse') {
        const local = g.shape === 'rect' ? rectPoints(0, 0, g.w, g.h) : ellipsePoints(g.w, g.h);
        const placed = place(local, g);
        lines = [{ points: placed, closed: true }];
        area = placed;
        filled = g.fill !== 'none';
      } else {
        lines = [{ points: place([0, 0, g.w, g.h], g), closed: false }];
        if (g.shape === 'arrow') {
          const [l, r] = arrowBarbs(g.w, g.h, g.width);
          lines.push({ points: place([l.x, l.y, g.w, g.h, r.x, r.y], g), closed: false });
        }
      }
      break;
    }
    case 'box': {
      const placed = place(rectPoints(0, 0, g.w, g.h), g);
      lines = [{ points: placed, closed: true }];
      area = placed;
      filled = true;
      break;
    }
  }
  let box: Box | null = null;
  for (const line of lines) {
    const b = boundsOfPairs(line.points, radius);
    box = box ? { minX: Math.min(box.minX, b.minX), minY: Math.min(box.minY, b.minY), maxX: Math.max(box.maxX, b.maxX), maxY: Math.max(box.maxY, b.maxY) } : b;
  }
  return { lines, radius, area, filled, box: box ?? { minX: g.x, minY: g.y, maxX: g.x, maxY: g.y } };
}

export type PointHit = 'edge' | 'inside' | 'hollow' | null;

/**
 * How a point meets an item: on its line ('edge', within the line's half width + tolerance),
 * inside a filled area or a text/sticky ('inside'), or inside a hollow shape ('hollow', weaker).
 */
export function hitPoint(o: Outline, p: Vec, tolerance: number): PointHit {
  const { box } = o;
  if (p.x < box.minX - tolerance || p.x > box.maxX + tolerance || p.y < box.minY - tolerance || p.y > box.maxY + tolerance) return null;
  for (const line of o.lines) if (distPointPolyline(p, line.points, line.closed) <= o.radius + tolerance) return 'edge';
  if (o.area && pointInPolygon(p, o.area)) return o.filled ? 'inside' : 'hollow';
  return null;
}

/** Whether a stroke of radius r along a-b (the eraser) touches the item. */
export function hitSegment(o: Outline, a: Vec, b: Vec, r: number): boolean {
  for (const line of o.lines) if (distSegmentPolyline(a, b, line.points, line.closed) <= o.radius + r) return true;
  return !!(o.area && o.filled && (pointInPolygon(a, o.area) || pointInPolygon(b, o.area)));
}

/** Whether the item touches a box (the marquee): any of its lines inside or crossing, or the box inside a filled area. */
export function hitBox(o: Outline, b: Box): boolean {
  const { box } = o;
  if (box.maxX < b.minX || box.minX > b.maxX || box.maxY < b.minY || box.minY > b.maxY) return false;
  for (const line of o.lines) if (polylineTouchesBox(line.points, b, line.closed)) return true;
  if (o.area && o.filled && pointInPolygon({ x: b.minX, y: b.minY }, o.area)) return true;
  return false;
}

/** Whether the item lies wholly inside the box. */
export function insideBox(o: Outline, b: Box): boolean {
  return pointInBox({ x: o.box.minX, y: o.box.minY }, b) && pointInBox({ x: o.box.maxX, y: o.box.maxY }, b);
}
