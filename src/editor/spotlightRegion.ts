/**
 * What a spotlight shows: the easel, and the ink that belongs to it but runs past its edge (an
 * arrow drawn out into the gutter, a sticky note put half on the edge). Pure; the projector fits
 * this region and leaves it clear of the veil (docs/board-model.md, "Easels").
 *
 * The rule: an item belongs to the spotlight when its box overlaps the easel and either it starts
 * inside the easel (its origin: a stroke's first point, a shape's or note's corner; the same origin
 * the easel-only rule checks) or its author is the easel's artist. So a neighbour's line that
 * wanders in does not count, the artist's own stroke that starts in the gutter does. The region is
 * the union of the easel's box and those items' boxes, clamped to the easel grown by
 * SPOTLIGHT_REACH of its size on every side: one wild stroke across the board then costs the
 * drawing at most a third of its size on the wall, never all of it.
 */
import { boxesIntersect, type Box } from '../geometry/box';
import { easelBox, insideEasel } from '../model/easels';
import type { Easel } from '../model/schema';

/** How far past its easel a spotlight may reach, as a fraction of the easel's width and height, per side. */
export const SPOTLIGHT_REACH = 0.25;

/** What the rule needs of an item: who made it, where it starts, its box on the board. */
export interface PlacedItem {
  author: string;
  x: number;
  y: number;
  box: Box;
}

/** Whether an item is part of an easel's spotlight (see the rule above). */
export function belongsToSpotlight(easel: Easel, item: PlacedItem): boolean {
  if (!boxesIntersect(item.box, easelBox(easel))) return false;
  return item.author === easel.owner || insideEasel(easel, item.x, item.y);
}

/** The board area a spotlight on `easel` shows, given the items around it (any superset of those overlapping it). */
export function spotlightRegion(easel: Easel, items: Iterable<PlacedItem>): Box {
  const region = easelBox(easel);
  for (const item of items) {
    if (!belongsToSpotlight(easel, item)) continue;
    region.minX = Math.min(region.minX, item.box.minX);
    region.minY = Math.min(region.minY, item.box.minY);
    region.maxX = Math.max(region.maxX, item.box.maxX);
    region.maxY = Math.max(region.maxY, item.box.maxY);
  }
  const dx = easel.w * SPOTLIGHT_REACH, dy = easel.h * SPOTLIGHT_REACH;
  return {
    minX: Math.max(region.minX, easel.x - dx),
    minY: Math.max(region.minY, easel.y - dy),
    maxX: Math.min(region.maxX, easel.x + easel.w + dx),
    maxY: Math.min(region.maxY, easel.y + easel.h + dy),
  };
}

export const sameBox = (a: Box | null, b: Box | null): boolean =>
  a === b || (a !== null && b !== null && a.minX === b.minX && a.minY === b.minY && a.maxX === b.maxX && a.maxY === b.maxY);
