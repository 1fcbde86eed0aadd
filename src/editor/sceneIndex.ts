/**
 * Hit testing over the board's items: an rbush index of every item's bounds, kept in step with
 * Board.subscribe, and each item's exact outline built on demand (a small cache, so a 10,000-stroke
 * board does not hold 10,000 decoded point lists). Used by select, marquee, eraser and actions.
 */
import type { Box } from '../geometry/box';
import type { Vec } from '../geometry/camera';
import { unionBoxes } from '../geometry/handles';
import { hitBox, hitPoint, hitSegment, outlineOf, type GeometryInput, type Outline } from '../geometry/outline';
import { SpatialIndex } from '../geometry/spatialIndex';
import { estimateMeasure, fitStickyText, textBoxSize, type Measure } from '../geometry/textLayout';
import { compareIndex, type Board, type ItemsChange } from '../model/board';
import { TEXT_FONT_PX, type Item } from '../model/schema';
import { decodePoints } from '../model/strokeCodec';

/** Pointer tolerance in screen px: a little more for fingers. */
export const HIT_TOLERANCE = { mouse: 4, touch: 12 } as const;
const OUTLINE_CACHE = 512;

export function geometryOf(item: Item, measure: Measure): GeometryInput {
  const placed = { x: item.x, y: item.y, rotation: item.rotation };
  switch (item.kind) {
    case 'stroke':
      return { ...placed, kind: 'stroke', width: item.width, scaleX: item.scaleX, scaleY: item.scaleY, points: decodePoints(item.points) };
    case 'shape':
      return { ...placed, kind: 'shape', shape: item.shape, w: item.w, h: item.h, width: item.width, fill: item.fill };
    case 'text': {
      const size = textBoxSize(item.text, TEXT_FONT_PX[item.size], item.w, measure);
      return { ...placed, kind: 'box', w: size.w, h: size.h };
    }
    case 'sticky':
    case 'image':
      return { ...placed, kind: 'box', w: item.w, h: item.h };
  }
}

export { fitStickyText };

export class SceneIndex {
  private readonly index = new SpatialIndex();
  private readonly outlines = new Map<string, Outline>();
  private built = false;
  private readonly off: () => void;

  constructor(readonly board: Board, private readonly measure: Measure = estimateMeasure) {
    this.off = board.subscribe(this.onChange);
  }

  destroy(): void {
    this.off();
  }

  /** Builds the index now (call when idle after load; otherwise the first hit test does it). */
  warm(): void {
    if (this.built) return;
    this.built = true;
    const entries: Array<{ id: string; box: Box }> = [];
    for (const item of this.board.allItems()) {
      const box = this.computeBox(item);
      if (box) entries.push({ id: item.id, box });
    }
    this.index.load(entries);
  }

  outline(id: string): Outline | null {
    const cached = this.outlines.get(id);
    if (cached) {
      // Refresh its place in the LRU order.
      this.outlines.delete(id);
      this.outlines.set(id, cached);
      return cached;
    }
    const item = this.board.getItem(id);
    if (!item) return null;
    let outline: Outline;
    try {
      outline = outlineOf(geometryOf(item, this.measure));
    } catch {
      return null; // a malformed point buffer from a peer: not hittable
    }
    this.outlines.set(id, outline);
    if (this.outlines.size > OUTLINE_CACHE) this.outlines.delete(this.outlines.keys().next().value!);
    return outline;
  }

  boxOf(id: string): Box | null {
    this.warm();
    return this.index.boxOf(id) ?? null;
  }

  /** Bounds of several items (the selection box), or null. */
  boundsOf(ids: Iterable<string>): Box | null {
    this.warm();
    const boxes: Box[] = [];
    for (const id of ids) {
      const b = this.index.boxOf(id);
      if (b) boxes.push(b);
    }
    return unionBoxes(boxes);
  }

  /** Ids of the items whose box meets `box` (boxes only, no outline test). */
  idsIn(box: Box): string[] {
    this.warm();
    return this.index.search(box);
  }

  /** All items' bounds (zoom to fit). */
  allBounds(): Box | null {
    return this.boundsOf(this.board.allItems().map((i) => i.id));
  }

  /**
   * The topmost item under a point: lines and filled areas first; the inside of a hollow shape only
   * when nothing else is there (the smallest such shape wins).
   */
  itemAt(p: Vec, tolerance: number): Item | null {
    this.warm();
    const ids = this.index.near(p.x, p.y, tolerance);
    if (ids.length === 0) return null;
    const items = ids.map((id) => this.board.getItem(id)).filter((i): i is Item => !!i).sort(compareIndex);
    let hollow: { item: Item; area: number } | null = null;
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      const o = this.outline(item.id);
      if (!o) continue;
      const hit = hitPoint(o, p, tolerance);
      if (hit === 'edge' || hit === 'inside') return item;
      if (hit === 'hollow') {
        const area = (o.box.maxX - o.box.minX) * (o.box.maxY - o.box.minY);
        if (!hollow || area < hollow.area) hollow = { item, area };
      }
    }
    return hollow?.item ?? null;
  }

  /** Items touched by a round brush of radius r swept from a to b (the eraser). */
  itemsAlong(a: Vec, b: Vec, r: number): Item[] {
    this.warm();
    const box = { minX: Math.min(a.x, b.x) - r, minY: Math.min(a.y, b.y) - r, maxX: Math.max(a.x, b.x) + r, maxY: Math.max(a.y, b.y) + r };
    const out: Item[] = [];
    for (const id of this.index.search(box)) {
      const o = this.outline(id);
      const item = this.board.getItem(id);
      if (o && item && hitSegment(o, a, b, r)) out.push(item);
    }
    return out;
  }

  /** Items touching a marquee box, bottom to top. */
  itemsInBox(box: Box): Item[] {
    this.warm();
    const out: Item[] = [];
    for (const id of this.index.search(box)) {
      const o = this.outline(id);
      const item = this.board.getItem(id);
      if (o && item && hitBox(o, box)) out.push(item);
    }
    return out.sort(compareIndex);
  }

  private computeBox(item: Item): Box | null {
    this.outlines.delete(item.id);
    return this.outline(item.id)?.box ?? null;
  }

  private readonly onChange = (change: ItemsChange): void => {
    for (const id of change.removed) {
      this.outlines.delete(id);
      if (this.built) this.index.delete(id);
    }
    if (!this.built) {
      for (const id of change.upserted) this.outlines.delete(id);
      return;
    }
    for (const id of change.upserted) {
      const item = this.board.getItem(id);
      const box = item ? this.computeBox(item) : null;
      if (box) this.index.set(id, box);
      else this.index.delete(id);
    }
  };
}
