/**
 * Selection bounds and handles as pure functions, shared by the select tool (hit tests, resizing)
 * and the renderer (drawing the outline and handles). Handle sizes are constant on screen, so they
 * are given in screen pixels and converted with the zoom.
 */
import type { Box } from './box';
import type { Vec } from './camera';

export type ResizeHandle = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';
export type HandleId = ResizeHandle | 'rotate';

export interface Handle {
  id: HandleId;
  /** Centre of the handle, board coordinates. */
  x: number;
  y: number;
  /** Side of the drawn square (or diameter of the rotate knob), board px. */
  size: number;
  /** CSS cursor while hovering it. */
  cursor: string;
}

/** On-screen sizes (CSS px). Touch targets are larger than what is drawn. */
export const HANDLE_SCREEN = {
  /** Drawn size of a resize handle. */
  size: 10,
  /** Radius within which a pointer grabs a handle (mouse); touch uses touchHitRadius. */
  hitRadius: 9,
  touchHitRadius: 20,
  /** Distance of the rotate knob above the top edge. */
  rotateOffset: 26,
  rotateSize: 12,
  /** Below this on-screen size, the edge handles are dropped (the corners are enough). */
  minSideForEdges: 44,
  /** Below this on-screen size, only one corner and the rotate knob remain. */
  minSideForCorners: 16,
} as const;

const CURSORS: Record<ResizeHandle, string> = {
  nw: 'nwse-resize', se: 'nwse-resize', ne: 'nesw-resize', sw: 'nesw-resize',
  n: 'ns-resize', s: 'ns-resize', e: 'ew-resize', w: 'ew-resize',
};

/** Union of boxes; null for none. */
export function unionBoxes(boxes: Iterable<Box>): Box | null {
  let out: Box | null = null;
  for (const b of boxes) {
    if (!out) out = { ...b };
    else {
      out.minX = Math.min(out.minX, b.minX);
      out.minY = Math.min(out.minY, b.minY);
      out.maxX = Math.max(out.maxX, b.maxX);
      out.maxY = Math.max(out.maxY, b.maxY);
    }
  }
  return out;
}

/** Position of a handle on a box (board coordinates), before any offsets. */
export function handlePoint(b: Box, id: ResizeHandle): Vec {
  const cx = (b.minX + b.maxX) / 2, cy = (b.minY + b.maxY) / 2;
  const x = id.includes('w') ? b.minX : id.includes('e') ? b.maxX : cx;
  const y = id.startsWith('n') ? b.minY : id.startsWith('s') ? b.maxY : cy;
  return { x, y };
}

/** The handle on the opposite side: the fixed point while resizing. */
export function oppositeHandle(id: ResizeHandle): ResizeHandle {
  const flip: Record<string, string> = { n: 's', s: 'n', e: 'w', w: 'e' };
  return id.split('').map((c) => flip[c]).join('') as ResizeHandle;
}

export interface HandleOptions {
  /** Offer the rotate knob (default true). */
  rotate?: boolean;
  /** Offer resize handles (default true). */
  resize?: boolean;
}

/**
 * Handles of a selection box at this zoom: corners, edges (when the box is big enough on screen)
 * and the rotate knob above the top edge.
 */
export function selectionHandles(bounds: Box, zoom: number, options: HandleOptions = {}): Handle[] {
  const s = 1 / zoom;
  const wScreen = (bounds.maxX - bounds.minX) * zoom;
  const hScreen = (bounds.maxY - bounds.minY) * zoom;
  const small = Math.min(wScreen, hScreen);
  const out: Handle[] = [];
  if (options.resize !== false) {
    const ids: ResizeHandle[] =
      small < HANDLE_SCREEN.minSideForCorners && Math.max(wScreen, hScreen) < HANDLE_SCREEN.minSideForCorners
        ? ['se']
        : small < HANDLE_SCREEN.minSideForEdges
          ? ['nw', 'ne', 'se', 'sw']
          : ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];
    for (const id of ids) {
      const p = handlePoint(bounds, id);
      out.push({ id, x: p.x, y: p.y, size: HANDLE_SCREEN.size * s, cursor: CURSORS[id] });
    }
  }
  if (options.rotate !== false) {
    out.push({
      id: 'rotate',
      x: (bounds.minX + bounds.maxX) / 2,
      y: bounds.minY - HANDLE_SCREEN.rotateOffset * s,
      size: HANDLE_SCREEN.rotateSize * s,
      cursor: 'grab',
    });
  }
  return out;
}

/** The handle under a board point, or null. Touch gets a larger grab radius. */
export function handleAt(handles: readonly Handle[], p: Vec, zoom: number, touch = false): Handle | null {
  const r = (touch ? HANDLE_SCREEN.touchHitRadius : HANDLE_SCREEN.hitRadius) / zoom;
  let best: Handle | null = null;
  let bestD = Infinity;
  for (const h of handles) {
    const d = Math.hypot(h.x - p.x, h.y - p.y);
    if (d <= r && d < bestD) {
      best = h;
      bestD = d;
    }
  }
  return best;
}

export interface Scale {
  /** Fixed point of the resize, board coordinates. */
  anchor: Vec;
  sx: number;
  sy: number;
}

/**
 * How a box scales when `handle` is dragged to `p`: the opposite side stays put. Edge handles scale
 * one axis only. `keepAspect` (Shift) scales both axes alike. Scale factors may be negative (the
 * handle dragged past the anchor flips the selection); they are kept away from 0.
 */
export function resizeScale(start: Box, handle: ResizeHandle, p: Vec, keepAspect = false): Scale {
  const anchor = handlePoint(start, oppositeHandle(handle));
  const from = handlePoint(start, handle);
  const w = from.x - anchor.x, h = from.y - anchor.y;
  const horizontal = handle.includes('e') || handle.includes('w');
  const vertical = handle.startsWith('n') || handle.startsWith('s');
  let sx = horizontal && w !== 0 ? (p.x - anchor.x) / w : 1;
  let sy = vertical && h !== 0 ? (p.y - anchor.y) / h : 1;
  if (keepAspect) {
    if (horizontal && vertical) {
      const m = Math.max(Math.abs(sx), Math.abs(sy));
      sx = Math.sign(sx || 1) * m;
      sy = Math.sign(sy || 1) * m;
    } else if (horizontal) sy = Math.abs(sx);
    else sx = Math.abs(sy);
  }
  const nonZero = (v: number): number => (Math.abs(v) < 0.01 ? (v < 0 ? -0.01 : 0.01) : v);
  return { anchor, sx: nonZero(sx), sy: nonZero(sy) };
}

/** Applies a scale to a box (normalised: min <= max). */
export function scaleBox(b: Box, { anchor, sx, sy }: Scale): Box {
  const x1 = anchor.x + (b.minX - anchor.x) * sx, x2 = anchor.x + (b.maxX - anchor.x) * sx;
  const y1 = anchor.y + (b.minY - anchor.y) * sy, y2 = anchor.y + (b.maxY - anchor.y) * sy;
  return { minX: Math.min(x1, x2), minY: Math.min(y1, y2), maxX: Math.max(x1, x2), maxY: Math.max(y1, y2) };
}

/** Angle in degrees of p around centre c, 0 = up, clockwise. */
export function angleAround(c: Vec, p: Vec): number {
  return (Math.atan2(p.x - c.x, -(p.y - c.y)) * 180) / Math.PI;
}

/** Rotation delta while dragging the rotate knob; Shift snaps to 15-degree steps. */
export function rotationDelta(c: Vec, start: Vec, p: Vec, snap = false): number {
  let d = angleAround(c, p) - angleAround(c, start);
  if (snap) d = Math.round(d / 15) * 15;
  return d;
}

/** Rotates point p around c by deg degrees (clockwise on screen, y down). */
export function rotatePoint(p: Vec, c: Vec, deg: number): Vec {
  if (deg === 0) return { x: p.x, y: p.y };
  const r = (deg * Math.PI) / 180;
  const cos = Math.cos(r), sin = Math.sin(r);
  const dx = p.x - c.x, dy = p.y - c.y;
  return { x: c.x + dx * cos - dy * sin, y: c.y + dx * sin + dy * cos };
}

/** Box of a marquee dragged from a to b. */
export function boxFromPoints(a: Vec, b: Vec): Box {
  return { minX: Math.min(a.x, b.x), minY: Math.min(a.y, b.y), maxX: Math.max(a.x, b.x), maxY: Math.max(a.y, b.y) };
}

/** Endpoint handles of a single selected line or arrow (board coordinates). */
export function lineHandles(x: number, y: number, w: number, h: number, zoom: number): Array<{ id: 'start' | 'end'; x: number; y: number; size: number }> {
  const size = HANDLE_SCREEN.size / zoom;
  return [
    { id: 'start', x, y, size },
    { id: 'end', x: x + w, y: y + h, size },
  ];
}
