/**
 * The bookkeeping of the ink bitmap (inkBitmap.ts) as pure functions: how a pan maps onto a shift
 * of the bitmap's pixels, which strips a shift exposes, and which device pixels a board box covers.
 */
import type { Box } from '../../geometry/box';
import type { Camera } from '../../geometry/camera';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const EPS = 0.01;

export interface PanPlan {
  /** Whole device pixels to move the bitmap's pixels by. */
  sx: number;
  sy: number;
  /** The camera the shifted bitmap shows: `to` snapped to the bitmap's device-pixel grid. */
  cam: Camera;
  /** True when the snapped camera is `to` itself (the pan was by whole device pixels). */
  exact: boolean;
}

/**
 * How to follow a pan from `from` to `to` by shifting pixels; null when a shift cannot (zoom
 * changed, or the pan is wider than the bitmap: everything must be drawn again).
 */
export function planPan(from: Camera, to: Camera, dpr: number, width: number, height: number): PanPlan | null {
  if (from.zoom !== to.zoom) return null;
  const k = to.zoom * dpr;
  const fx = (from.x - to.x) * k;
  const fy = (from.y - to.y) * k;
  const sx = Math.round(fx) || 0, sy = Math.round(fy) || 0;
  if (Math.abs(sx) >= width || Math.abs(sy) >= height) return null;
  const exact = Math.abs(fx - sx) < EPS && Math.abs(fy - sy) < EPS;
  const cam = exact ? { ...to } : { x: from.x - sx / k, y: from.y - sy / k, zoom: to.zoom };
  return { sx, sy, cam, exact };
}

/** Strips of a width x height bitmap left empty by moving its pixels by (sx, sy). */
export function exposedStrips(sx: number, sy: number, width: number, height: number): Rect[] {
  const out: Rect[] = [];
  if (sx > 0) out.push({ x: 0, y: 0, w: sx, h: height });
  if (sx < 0) out.push({ x: width + sx, y: 0, w: -sx, h: height });
  // The vertical strips skip the columns the horizontal ones already cover.
  const x0 = Math.max(0, sx), x1 = Math.min(width, width + sx);
  if (sy > 0) out.push({ x: x0, y: 0, w: x1 - x0, h: sy });
  if (sy < 0) out.push({ x: x0, y: height + sy, w: x1 - x0, h: -sy });
  return out.filter((r) => r.w > 0 && r.h > 0);
}

/**
 * Device pixels of a board box in a bitmap at `cam` (one pixel of margin), clipped; null if none.
 * `offset`: device pixels between the bitmap's corner and the camera's top-left (an overscan).
 */
export function deviceRectOfBox(box: Box, cam: Camera, dpr: number, width: number, height: number, offset = 0): Rect | null {
  const k = cam.zoom * dpr;
  const x0 = Math.max(0, Math.floor((box.minX - cam.x) * k) - 1 + offset);
  const y0 = Math.max(0, Math.floor((box.minY - cam.y) * k) - 1 + offset);
  const x1 = Math.min(width, Math.ceil((box.maxX - cam.x) * k) + 1 + offset);
  const y1 = Math.min(height, Math.ceil((box.maxY - cam.y) * k) + 1 + offset);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

/** The board area of a device rectangle of a bitmap at `cam` (with the same `offset`). */
export function boxOfDeviceRect(r: Rect, cam: Camera, dpr: number, offset = 0): Box {
  const k = cam.zoom * dpr;
  const x = r.x - offset, y = r.y - offset;
  return { minX: cam.x + x / k, minY: cam.y + y / k, maxX: cam.x + (x + r.w) / k, maxY: cam.y + (y + r.h) / k };
}

/**
 * Merges rectangles that overlap when their union costs little more than the two apart (a stroke's
 * old and new boxes, many small changes in one place), so that shared pixels are painted once. An
 * L of two strips (a diagonal pan) stays two strips: their union would be the whole bitmap. Keeps
 * at most `max` rectangles by merging everything beyond.
 */
export function mergeRects(rects: readonly Rect[], max = 16): Rect[] {
  const out: Rect[] = [];
  const area = (r: Rect) => r.w * r.h;
  const union = (a: Rect, b: Rect): Rect => {
    const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
    return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
  };
  const worth = (a: Rect, b: Rect) => intersectRect(a, b) !== null && area(union(a, b)) <= 1.25 * (area(a) + area(b));
  for (let r of rects) {
    for (let i = 0; i < out.length; ) {
      if (worth(out[i]!, r)) {
        r = union(out[i]!, r);
        out.splice(i, 1);
        i = 0;
      } else i++;
    }
    out.push(r);
  }
  while (out.length > max) {
    const last = out.pop()!;
    out[out.length - 1] = union(out[out.length - 1]!, last);
  }
  return out;
}

export function intersectRect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x), y = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.w, b.x + b.w), y1 = Math.min(a.y + a.h, b.y + b.h);
  return x1 > x && y1 > y ? { x, y, w: x1 - x, h: y1 - y } : null;
}

/** `a` minus `b`: up to four rectangles (bands above, below, left and right of the overlap). */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const o = intersectRect(a, b);
  if (!o) return [a];
  const out: Rect[] = [];
  if (o.y > a.y) out.push({ x: a.x, y: a.y, w: a.w, h: o.y - a.y });
  if (o.y + o.h < a.y + a.h) out.push({ x: a.x, y: o.y + o.h, w: a.w, h: a.y + a.h - o.y - o.h });
  if (o.x > a.x) out.push({ x: a.x, y: o.y, w: o.x - a.x, h: o.h });
  if (o.x + o.w < a.x + a.w) out.push({ x: o.x + o.w, y: o.y, w: a.x + a.w - o.x - o.w, h: o.h });
  return out;
}

/**
 * The parts of a bitmap not yet painted, after its pixels moved by (sx, sy): the old ones moved
 * with the pixels (clipped), plus the strips the move exposed.
 */
export function shiftInvalid(invalid: readonly Rect[], sx: number, sy: number, width: number, height: number): Rect[] {
  const all: Rect = { x: 0, y: 0, w: width, h: height };
  const moved = invalid.map((r) => intersectRect({ x: r.x + sx, y: r.y + sy, w: r.w, h: r.h }, all)).filter((r): r is Rect => r !== null);
  return [...moved, ...exposedStrips(sx, sy, width, height)];
}

/** Cuts a rectangle into pieces no larger than `size` x `size`. */
export function splitRect(r: Rect, size: number): Rect[] {
  if (r.w <= size && r.h <= size) return [r];
  const out: Rect[] = [];
  for (let y = r.y; y < r.y + r.h; y += size) {
    for (let x = r.x; x < r.x + r.w; x += size) out.push({ x, y, w: Math.min(size, r.x + r.w - x), h: Math.min(size, r.y + r.h - y) });
  }
  return out;
}
