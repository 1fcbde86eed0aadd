/**
 * Everything on the board as the renderer needs it: items in z-order with their bounding boxes
 * and a cached draw routine per item (a stroke's outline as a Path2D in its own frame, a text's or
 * sticky's wrapped lines). Fed by Board.subscribe; reads the model, never writes it.
 *
 * Loading a big board is progressive: a stroke's box needs its points decoded (about 0.1 ms for 200
 * points), so strokes start out "pending". A draw of some area first decodes the pending strokes
 * whose origin lies near that area (visible items first); `settleSome` decodes the rest in idle
 * slices and reports their boxes, so the few that reach into view from afar are painted then.
 *
 * Highlighter strokes are kept in their own list and drawn before everything else: they stay under
 * the ink, as a highlighter pen on paper would look.
 */
import { boundsOfPoints, boxesIntersect, type Box } from '../geometry/box';
import { simplifyPoints } from '../geometry/simplify';
import { compareIndex, type Board, type ItemsChange } from '../model/board';
import type { Item, StickyItem, StrokeItem, TextItem } from '../model/schema';
import { decodePoints } from '../model/strokeCodec';
import { imageLocalBox, padBox, placeBox, shapeFrame, shapeLocalBox, stickyLocalBox, strokeLocalBox, textLocalBox } from './scene/bounds';
import { fontOf, layoutSticky, layoutTextItem, type Measure, type TextLayout } from './scene/textLayout';
import { strokePath } from './strokeOutline';

export interface SceneEntry {
  item: Item;
  /** Board-space box (placement included). */
  box: Box;
  /** Box in the item's own frame. */
  local: Box;
  /** The item's own extent in its frame, without shadows or glyph slack: what a selection outlines. */
  frame: Box;
  /** Stroke outline in the stroke's frame, built on first draw. */
  path: Path2D | null;
  /**
   * A stroke's centre line, simplified (level of detail for small zooms, where a pressure outline
   * cannot be seen and would cost a decode and an outline per stroke). Built whenever the points
   * are decoded anyway.
   */
  lod: Path2D | null;
  /** Wrapped text of a text item or sticky. */
  text: TextLayout | null;
}

/** Kept for older callers: the index used to hold only strokes. */
export type InkEntry = SceneEntry;

/** Tolerance of the level-of-detail centre line, board px. */
const LOD_TOLERANCE = 1.5;

/** A stroke's simplified centre line as a path (its frame), for drawing at small zooms. */
export function lodPath(points: ArrayLike<number>): Path2D {
  const pts = simplifyPoints(points, LOD_TOLERANCE);
  const path = new Path2D();
  for (let i = 0; i + 1 < pts.length; i += 3) {
    if (i === 0) path.moveTo(pts[0]!, pts[1]!);
    else path.lineTo(pts[i]!, pts[i + 1]!);
  }
  if (pts.length <= 3) path.lineTo((pts[0] ?? 0) + 0.01, pts[1] ?? 0);
  return path;
}

/** The box of a stroke not decoded yet: meets nothing. */
const NOWHERE: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };

/** Pending strokes whose origin is this close to a drawn area are decoded before it is drawn. */
export const NEAR_MARGIN = 600;

export interface IndexOptions {
  /** Text measuring (canvas 2d in the app; a fake in node tests). */
  measure?: Measure;
}

let sharedMeasure: Measure | null = null;
/** Canvas 2d text measuring, with a cache per font size and string. */
export function canvasMeasure(): Measure {
  if (sharedMeasure) return sharedMeasure;
  const ctx = document.createElement('canvas').getContext('2d')!;
  const cache = new Map<string, number>();
  let font = '';
  sharedMeasure = (text, px) => {
    const key = `${px}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      const f = fontOf(px);
      if (f !== font) ctx.font = font = f;
      w = ctx.measureText(text).width;
      if (cache.size > 20_000) cache.clear();
      cache.set(key, w);
    }
    return w;
  };
  return sharedMeasure;
}

const isHighlighter = (item: Item): boolean => item.kind === 'stroke' && item.tool === 'highlighter';

export class InkIndex {
  private entries = new Map<string, SceneEntry>();
  /**
   * Strokes not decoded yet, in arrival order. Their entries already sit in the z-ordered lists
   * (with a box that meets nothing), so decoding them never re-sorts 10,000 entries.
   */
  private pending = new Map<string, SceneEntry>();
  private under: SceneEntry[] = [];
  private over: SceneEntry[] = [];
  private orderDirty = false;
  private readonly off: () => void;
  private listeners = new Set<(dirty: Box[]) => void>();
  private readonly measure: Measure;

  constructor(board: Board, opts: IndexOptions = {}) {
    // Lazy: the canvas measurer needs a DOM, and a board without text never asks for it.
    this.measure = opts.measure ?? ((text, px) => canvasMeasure()(text, px));
    const all = board.allItems();
    for (const item of all) {
      if (item.kind === 'stroke') {
        const entry: SceneEntry = { item, box: NOWHERE, local: NOWHERE, frame: NOWHERE, path: null, lod: null, text: null };
        this.entries.set(item.id, entry);
        this.pending.set(item.id, entry);
      } else this.put(item);
    }
    for (const item of all) {
      const entry = this.entries.get(item.id);
      if (entry) (isHighlighter(item) ? this.under : this.over).push(entry);
    }
    this.off = board.subscribe((change) => this.apply(board, change));
  }

  destroy(): void {
    this.off();
    this.listeners.clear();
  }

  /** Items with a known box (pending strokes not counted). */
  get size(): number {
    return this.entries.size - this.pending.size;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** The entry of an item (decoding it now if it was still pending). */
  get(id: string): SceneEntry | undefined {
    const pending = this.pending.get(id);
    if (pending) this.decode(pending, false);
    return this.entries.get(id);
  }

  /** Boxes of the pictures showing this blob (to repaint them when it has loaded). */
  boxesOfBlob(hash: string): Box[] {
    const out: Box[] = [];
    for (const entry of this.entries.values()) if (entry.item.kind === 'image' && entry.item.blob === hash) out.push(entry.box);
    return out;
  }

  /** Called with the board areas that changed (old and new boxes of each changed item). */
  onChange(listener: (dirty: Box[]) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Entries whose box meets `view`, bottom to top (highlighters first), with their draw caches
   * built. Decodes pending strokes near `view` first.
   */
  *visible(view: Box, detail = true): Generator<SceneEntry> {
    this.settleNear(view, detail);
    if (this.orderDirty) this.sort();
    for (const list of [this.under, this.over]) {
      for (const entry of list) {
        if (!boxesIntersect(entry.box, view)) continue;
        if (detail || entry.lod === null) this.prepare(entry);
        yield entry;
      }
    }
  }

  /**
   * Decodes pending strokes until `more()` says stop (an idle deadline); reports their boxes as
   * changed so that any that reach into view get painted. Returns how many are left.
   */
  settleSome(more: () => boolean): number {
    const dirty: Box[] = [];
    for (const entry of this.pending.values()) {
      if (!more()) break;
      if (this.decode(entry, false)) dirty.push(entry.box);
    }
    if (dirty.length) this.emit(dirty);
    return this.pending.size;
  }

  /**
   * Builds the draw caches of items in `area` (idle time, around the view: a pan then finds them
   * ready) until `more()` says stop. Returns true when everything there is ready.
   */
  prepareNear(area: Box, more: () => boolean): boolean {
    if (this.orderDirty) this.sort();
    for (const list of [this.under, this.over]) {
      for (const entry of list) {
        if (entry.path !== null || entry.item.kind !== 'stroke' || !boxesIntersect(entry.box, area)) continue;
        if (!more()) return false;
        this.prepare(entry);
      }
    }
    return true;
  }

  private settleNear(view: Box, detail: boolean): void {
    if (this.pending.size === 0) return;
    const near = { minX: view.minX - NEAR_MARGIN, minY: view.minY - NEAR_MARGIN, maxX: view.maxX + NEAR_MARGIN, maxY: view.maxY + NEAR_MARGIN };
    const dirty: Box[] = [];
    for (const entry of this.pending.values()) {
      const item = entry.item;
      if (item.x < near.minX || item.x > near.maxX || item.y < near.minY || item.y > near.maxY) continue;
      if (!this.decode(entry, detail)) continue;
      // Drawn right now when inside the view; anything reaching beyond it needs its box repainted.
      const b = entry.box;
      if (b.minX < view.minX || b.minY < view.minY || b.maxX > view.maxX || b.maxY > view.maxY) dirty.push(b);
    }
    if (dirty.length) this.emit(dirty);
  }

  private sort(): void {
    const all = [...this.entries.values()].sort((a, b) => compareIndex(a.item, b.item));
    this.under = all.filter((e) => isHighlighter(e.item));
    this.over = all.filter((e) => !isHighlighter(e.item));
    this.orderDirty = false;
  }

  private prepare(entry: SceneEntry): void {
    const item = entry.item;
    if (item.kind === 'stroke' && entry.path === null) {
      // Decoding again here beats keeping 10,000 decoded buffers alive.
      const points = decodePoints(item.points);
      entry.path = strokePath(points, item.width, 0, 0, true, item.tool === 'highlighter');
      entry.lod ??= lodPath(points);
    }
  }

  /** Decodes a pending stroke's points into its entry (in place: it keeps its z-order slot). */
  private decode(entry: SceneEntry, withPath: boolean): boolean {
    const item = entry.item as StrokeItem;
    this.pending.delete(item.id);
    let points: Float64Array;
    try {
      points = decodePoints(item.points);
    } catch {
      this.drop(entry);
      return false; // a malformed buffer from a peer: skip this stroke, keep the board
    }
    const pointsBox = boundsOfPoints(points);
    entry.local = strokeLocalBox(pointsBox, item.width);
    entry.frame = padBox(pointsBox, item.width / 2);
    entry.box = placeBox(entry.local, item);
    if (withPath) entry.path = strokePath(points, item.width, 0, 0, true, item.tool === 'highlighter');
    entry.lod = lodPath(points);
    return true;
  }

  /** Forgets an entry, taking it out of its list without a re-sort. */
  private drop(entry: SceneEntry): void {
    this.entries.delete(entry.item.id);
    this.pending.delete(entry.item.id);
    if (this.orderDirty) return;
    const list = isHighlighter(entry.item) ? this.under : this.over;
    const i = list.indexOf(entry);
    if (i >= 0) list.splice(i, 1);
    else this.orderDirty = true;
  }

  private emit(dirty: Box[]): void {
    for (const listener of [...this.listeners]) listener(dirty);
  }

  private apply(board: Board, change: ItemsChange): void {
    const dirty: Box[] = [];
    for (const id of change.removed) {
      const old = this.entries.get(id);
      if (!old) continue;
      if (!this.pending.has(id)) dirty.push(old.box);
      this.drop(old);
    }
    for (const id of change.upserted) {
      const item = board.getItem(id);
      if (!item) continue;
      const waiting = this.pending.get(id);
      if (waiting) {
        // Not decoded yet: just remember the new fields (and the new place in the stack).
        if (waiting.item.index !== item.index || (item.kind === 'stroke' && isHighlighter(item) !== isHighlighter(waiting.item))) this.orderDirty = true;
        if (item.kind === 'stroke') {
          waiting.item = item;
          continue;
        }
        this.drop(waiting);
      }
      const old = this.entries.get(id);
      if (old) dirty.push(old.box);
      const top = this.over[this.over.length - 1];
      const entry = this.put(item, false, old);
      if (!entry) continue;
      dirty.push(entry.box);
      if (old) {
        if (old.item.index !== item.index || isHighlighter(old.item) !== isHighlighter(item)) this.orderDirty = true;
        else this.replaceInOrder(old, entry);
      } else if (!this.orderDirty && !isHighlighter(item) && (!top || compareIndex(top.item, item) < 0)) {
        // New items almost always land on top: append instead of re-sorting 10,000 entries.
        this.over.push(entry);
      } else this.orderDirty = true;
    }
    if (dirty.length) this.emit(dirty);
  }

  private replaceInOrder(old: SceneEntry, next: SceneEntry): void {
    if (old === next || this.orderDirty) return;
    const list = isHighlighter(next.item) ? this.under : this.over;
    const i = list.indexOf(old);
    if (i >= 0) list[i] = next;
    else this.orderDirty = true;
  }

  /**
   * Builds (or refreshes) an entry, reusing the caches that the change leaves valid. With
   * `withPath`, a stroke's outline is built from the points decoded for its box.
   */
  private put(item: Item, withPath = false, old?: SceneEntry): SceneEntry | null {
    let entry: SceneEntry;
    switch (item.kind) {
      case 'stroke': {
        const prev = old?.item.kind === 'stroke' ? old.item : null;
        if (old && prev && prev.points === item.points && prev.width === item.width && prev.tool === item.tool) {
          entry = { ...old, item };
          break;
        }
        let points: Float64Array;
        try {
          points = decodePoints(item.points);
        } catch {
          const gone = this.entries.get(item.id);
          if (gone) this.drop(gone);
          return null; // a malformed buffer from a peer: skip this stroke, keep the board
        }
        const pointsBox = boundsOfPoints(points);
        const local = strokeLocalBox(pointsBox, item.width);
        const path = withPath ? strokePath(points, item.width, 0, 0, true, item.tool === 'highlighter') : null;
        entry = { item, local, frame: padBox(pointsBox, item.width / 2), box: local, path, lod: lodPath(points), text: null };
        break;
      }
      case 'shape':
        entry = { item, local: shapeLocalBox(item), frame: shapeFrame(item), box: shapeLocalBox(item), path: null, lod: null, text: null };
        break;
      case 'text': {
        const prev = old?.item.kind === 'text' ? old.item : null;
        const text = old?.text && prev && sameText(prev, item) ? old.text : layoutTextItem(item.text, item.size, item.w, this.measure);
        const local = textLocalBox(text.width, text.height, text.fontPx);
        entry = { item, local, frame: { minX: 0, minY: 0, maxX: text.width, maxY: text.height }, box: local, path: null, lod: null, text };
        break;
      }
      case 'image':
        entry = { item, local: imageLocalBox(item.w, item.h), frame: { minX: 0, minY: 0, maxX: item.w, maxY: item.h }, box: NOWHERE, path: null, lod: null, text: null };
        break;
      case 'sticky': {
        const prev = old?.item.kind === 'sticky' ? old.item : null;
        const text = old?.text && prev && sameSticky(prev, item) ? old.text : layoutSticky(item.text, item.w, item.h, this.measure);
        const local = stickyLocalBox(item.w, item.h);
        entry = { item, local, frame: { minX: 0, minY: 0, maxX: item.w, maxY: item.h }, box: local, path: null, lod: null, text };
        break;
      }
    }
    entry.box = placeBox(entry.local, item);
    this.entries.set(item.id, entry);
    return entry;
  }
}

const sameText = (a: TextItem, b: TextItem): boolean => a.text === b.text && a.size === b.size && a.w === b.w;
const sameSticky = (a: StickyItem, b: StickyItem): boolean => a.text === b.text && a.w === b.w && a.h === b.h;
