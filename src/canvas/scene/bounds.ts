/**
 * Bounding boxes of every item kind, in board coordinates, as pure functions (no DOM): what the
 * renderer culls with and what it invalidates when an item changes. Each item draws in its own
 * local frame, placed on the board by translate(x, y) · rotate(rotation) · scale(scaleX, scaleY);
 * boxes are the local box carried through that transform (so they enclose rotated items).
 */
import type { Box } from '../../geometry/box';
import { arrowBarbs } from '../../geometry/outline';
import type { ShapeItem } from '../../model/schema';

export interface Placement {
  x: number;
  y: number;
  /** Degrees clockwise. */
  rotation: number;
  scaleX?: number;
  scaleY?: number;
}

/** How far a sticky's soft shadow reaches past the paper (board px, before zoom). */
export const STICKY_SHADOW = { blur: 14, offsetY: 4, reach: 24 } as const;

export function padBox(b: Box, pad: number): Box {
  return { minX: b.minX - pad, minY: b.minY - pad, maxX: b.maxX + pad, maxY: b.maxY + pad };
}

/** A local box carried onto the board by an item's placement: the box of its four corners. */
export function placeBox(local: Box, p: Placement): Box {
  const sx = p.scaleX ?? 1, sy = p.scaleY ?? 1;
  const a = (p.rotation * Math.PI) / 180;
  const cos = Math.cos(a), sin = Math.sin(a);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [lx, ly] of [[local.minX, local.minY], [local.maxX, local.minY], [local.maxX, local.maxY], [local.minX, local.maxY]] as const) {
    const x = lx * sx, y = ly * sy;
    const bx = p.x + x * cos - y * sin;
    const by = p.y + x * sin + y * cos;
    if (bx < minX) minX = bx;
    if (bx > maxX) maxX = bx;
    if (by < minY) minY = by;
    if (by > maxY) maxY = by;
  }
  return { minX, minY, maxX, maxY };
}

/** A shape's box in its local frame (origin at the item's x, y), including its outline's width. */
export function shapeLocalBox(s: Pick<ShapeItem, 'shape' | 'w' | 'h' | 'width'>): Box {
  const pad = s.width / 2 + 1;
  const box: Box = { minX: Math.min(0, s.w), minY: Math.min(0, s.h), maxX: Math.max(0, s.w), maxY: Math.max(0, s.h) };
  if (s.shape === 'arrow') {
    if (s.w !== 0 || s.h !== 0) {
      for (const { x, y } of arrowBarbs(s.w, s.h, s.width)) {
        box.minX = Math.min(box.minX, x);
        box.maxX = Math.max(box.maxX, x);
        box.minY = Math.min(box.minY, y);
        box.maxY = Math.max(box.maxY, y);
      }
    }
  }
  return padBox(box, pad);
}

/** A shape's own extent (the box it was drawn in, or the line's two ends), local frame. */
export function shapeFrame(s: Pick<ShapeItem, 'w' | 'h'>): Box {
  return { minX: Math.min(0, s.w), minY: Math.min(0, s.h), maxX: Math.max(0, s.w), maxY: Math.max(0, s.h) };
}

/** A sticky note's local box, with room for its shadow. */
export function stickyLocalBox(w: number, h: number): Box {
  const r = STICKY_SHADOW.reach;
  return { minX: -r, minY: -r, maxX: w + r, maxY: h + r + STICKY_SHADOW.offsetY };
}

/** A text's local box from its laid-out size (a little slack for glyphs that overhang). */
export function textLocalBox(width: number, height: number, fontPx: number): Box {
  const slack = Math.ceil(fontPx * 0.15);
  return { minX: -slack, minY: -slack, maxX: width + slack, maxY: height + slack };
}

/** A stroke's local box from its decoded points' box: pad by the full nominal width (pressure can widen the ink). */
export function strokeLocalBox(pointsBox: Box, width: number): Box {
  return padBox(pointsBox, width);
}

/** A picture's local box: its frame and a little room for its hairline border and soft shadow. */
export function imageLocalBox(w: number, h: number): Box {
  return { minX: -IMAGE_SHADOW_REACH, minY: -IMAGE_SHADOW_REACH, maxX: w + IMAGE_SHADOW_REACH, maxY: h + IMAGE_SHADOW_REACH };
}

/** How far a picture's shadow and border reach past it (board px). */
export const IMAGE_SHADOW_REACH = 8;
