/**
 * The items of an export as draw-ready scene entries, built from the document (never from what a
 * screen happens to show): the same boxes and caches the canvas builds (canvas/scene/bounds.ts,
 * textLayout.ts, strokeOutline.ts), so an exported drawing looks exactly like the board.
 *
 * Strokes are outlined lazily (`prepare`, band.ts), inside the renderer's slices: 10,000 strokes cost about
 * a second of decoding and outlining, which must not freeze the tab.
 */
import { boundsOfPoints, type Box } from '../geometry/box';
import { compareIndex } from '../model/board';
import type { Item } from '../model/schema';
import { decodePoints } from '../model/strokeCodec';
import { imageLocalBox, padBox, placeBox, shapeFrame, shapeLocalBox, stickyLocalBox, strokeLocalBox, textLocalBox } from '../canvas/scene/bounds';
import { layoutSticky, layoutTextItem, type Measure } from '../canvas/scene/textLayout';
import type { SceneEntry } from '../canvas/inkIndex';
import type { Slicer } from './slicer';

/** Everything an export can draw: the board's items, pictures included. */
export type Drawable = Item;

/** A scene entry (kept in a wrapper so that export-only kinds can join later). */
export type ExportEntry = { kind: 'item'; entry: SceneEntry };

const isHighlighter = (item: Drawable): boolean => item.kind === 'stroke' && item.tool === 'highlighter';

/** The entry of one item with its box; a stroke's outline is built later by `prepare`. */
export function exportEntry(item: Drawable, measure: Measure): ExportEntry | null {
  switch (item.kind) {
    case 'image': {
      const local = imageLocalBox(item.w, item.h);
      return { kind: 'item', entry: { item, local, frame: { minX: 0, minY: 0, maxX: item.w, maxY: item.h }, box: placeBox(local, item), path: null, lod: null, text: null } };
    }
    case 'stroke': {
      let points: Float64Array;
      try {
        points = decodePoints(item.points);
      } catch {
        return null; // a malformed buffer: skip it, as the canvas does
      }
      const pointsBox = boundsOfPoints(points);
      const local = strokeLocalBox(pointsBox, item.width);
      return { kind: 'item', entry: { item, local, frame: padBox(pointsBox, item.width / 2), box: placeBox(local, item), path: null, lod: null, text: null } };
    }
    case 'shape': {
      const local = shapeLocalBox(item);
      return { kind: 'item', entry: { item, local, frame: shapeFrame(item), box: placeBox(local, item), path: null, lod: null, text: null } };
    }
    case 'text': {
      const text = layoutTextItem(item.text, item.size, item.w, measure);
      const local = textLocalBox(text.width, text.height, text.fontPx);
      return { kind: 'item', entry: { item, local, frame: { minX: 0, minY: 0, maxX: text.width, maxY: text.height }, box: placeBox(local, item), path: null, lod: null, text } };
    }
    case 'sticky': {
      const text = layoutSticky(item.text, item.w, item.h, measure);
      const local = stickyLocalBox(item.w, item.h);
      return { kind: 'item', entry: { item, local, frame: { minX: 0, minY: 0, maxX: item.w, maxY: item.h }, box: placeBox(local, item), path: null, lod: null, text } };
    }
  }
}

export { prepare } from './band';

export function entryBox(entry: ExportEntry): Box {
  return entry.entry.box;
}

/**
 * Entries in drawing order, as the canvas stacks them: highlighters under everything, then the
 * rest by fractional index. Built in slices (a stroke's box needs its points decoded).
 */
export async function exportEntries(items: readonly Drawable[], measure: Measure, slicer: Slicer): Promise<ExportEntry[]> {
  const sorted = [...items].sort(compareIndex);
  const under: ExportEntry[] = [];
  const over: ExportEntry[] = [];
  for (const item of sorted) {
    await slicer.tick();
    const entry = exportEntry(item, measure);
    if (entry) (isHighlighter(item) ? under : over).push(entry);
  }
  return [...under, ...over];
}

/** The box around all the entries (null when there are none). */
export function unionBox(boxes: Iterable<Box>): Box | null {
  let out: Box | null = null;
  for (const b of boxes) {
    if (!Number.isFinite(b.minX) || !Number.isFinite(b.maxX)) continue;
    out = out ? { minX: Math.min(out.minX, b.minX), minY: Math.min(out.minY, b.minY), maxX: Math.max(out.maxX, b.maxX), maxY: Math.max(out.maxY, b.maxY) } : { ...b };
  }
  return out;
}
