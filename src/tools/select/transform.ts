/**
 * The patches a move, resize or rotation writes, computed from each item as it was when the
 * gesture began (never incrementally: no drift, and Escape can return to the start exactly).
 */
import { rotatePoint, type Scale } from '../../geometry/handles';
import type { Vec } from '../../geometry/camera';
import type { Item, ItemPatch } from '../../model/schema';

export function translatePatch(item: Item, dx: number, dy: number): ItemPatch {
  return { x: item.x + dx, y: item.y + dy };
}

/** `boxWidth`: the drawn width of a text item (its wrap width or its longest line). */
export function resizePatch(item: Item, { anchor, sx, sy }: Scale, boxWidth = 0): ItemPatch {
  const map = (x: number, y: number): Vec => ({ x: anchor.x + (x - anchor.x) * sx, y: anchor.y + (y - anchor.y) * sy });
  const a = map(item.x, item.y);
  switch (item.kind) {
    case 'stroke':
      return { x: a.x, y: a.y, scaleX: item.scaleX * sx, scaleY: item.scaleY * sy };
    case 'shape': {
      const b = map(item.x + item.w, item.y + item.h);
      if (item.shape === 'line' || item.shape === 'arrow') return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
      return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(b.x - a.x), h: Math.abs(b.y - a.y) };
    }
    case 'image': {
      const b = map(item.x + item.w, item.y + item.h);
      return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.max(8, Math.abs(b.x - a.x)), h: Math.max(8, Math.abs(b.y - a.y)) };
    }
    case 'sticky': {
      const b = map(item.x + item.w, item.y + item.h);
      return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.max(20, Math.abs(b.x - a.x)), h: Math.max(20, Math.abs(b.y - a.y)) };
    }
    case 'text': {
      // Text keeps its size; a horizontal resize sets where it wraps.
      if (sx === 1) return { x: a.x, y: a.y };
      const b = map(item.x + boxWidth, item.y);
      return { x: Math.min(a.x, b.x), y: a.y, w: Math.max(24, Math.abs(b.x - a.x)) };
    }
  }
}

export function rotatePatch(item: Item, centre: Vec, deg: number): ItemPatch {
  const p = rotatePoint({ x: item.x, y: item.y }, centre, deg);
  return { x: p.x, y: p.y, rotation: item.rotation + deg };
}
