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

/** Device pixels of a board box in a bitmap at `cam` (one pixel of margin), clipped; null if none. */
export function deviceRectOfBox(box: Box, cam: Camera, dpr: number, width: number, height: number): Rect | null {
  const k = cam.zoom * dpr;
  const x0 = Math.max(0, Math.floor((box.minX - cam.x) * k) - 1);
  const y0 = Math.max(0, Math.floor((box.minY - cam.y) * k) - 1);
  const x1 = Math.min(width, Math.ceil((box.maxX - cam.x) * k) + 1);
  const y1 = Math.min(height, Math.ceil((box.maxY - cam.y) * k) + 1);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

/** The board area of a device rectangle of a bitmap at `cam`. */
export function boxOfDeviceRect(r: Rect, cam: Camera, dpr: number): Box {
  const k = cam.zoom * dpr;
  return { minX: cam.x + r.x / k, minY: cam.y + r.y / k, maxX: cam.x + (r.x + r.w) / k, maxY: cam.y + (r.y + r.h) / k };
}

/**
 * Merges dirty rectangles that overlap (so a stroke's old and new boxes, or many small changes in
 * one place, are painted once); keeps at most `max` rectangles by merging everything beyond.
 */
export function mergeRects(rects: readonly Rect[], max = 16): Rect[] {
  const out: Rect[] = [];
  const overlaps = (a: Rect, b: Rect) => a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
  const union = (a: Rect, b: Rect): Rect => {
    const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
    return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
  };
  for (let r of rects) {
    for (let i = 0; i < out.length; ) {
      if (overlaps(out[i]!, r)) {
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
