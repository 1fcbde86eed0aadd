/**
 * The finished ink as the renderer needs it: items in z-order with their bounding boxes, and each
 * stroke's outline built once (on first draw) and kept until that item changes. Fed by
 * Board.subscribe; reads the model, never writes it.
 */
import { boundsOfPoints, boxesIntersect, type Box } from '../geometry/box';
import { compareIndex, type Board, type ItemsChange } from '../model/board';
import type { StrokeItem } from '../model/schema';
import { decodePoints } from '../model/strokeCodec';
import { strokePath } from './strokeOutline';

export interface InkEntry {
  item: StrokeItem;
  box: Box;
  path: Path2D | null;
}

export class InkIndex {
  private entries = new Map<string, InkEntry>();
  private ordered: InkEntry[] = [];
  private orderDirty = false;
  private readonly off: () => void;
  private listeners = new Set<(dirty: Box[]) => void>();

  constructor(board: Board) {
    for (const item of board.allItems()) if (item.kind === 'stroke') this.put(item);
    this.ordered = [...this.entries.values()];
    this.off = board.subscribe((change) => this.apply(board, change));
  }

  destroy(): void {
    this.off();
    this.listeners.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Called with the board areas that changed (old and new boxes of each changed item). */
  onChange(listener: (dirty: Box[]) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Entries whose box meets `view`, bottom to top, with their outlines built. */
  *visible(view: Box): Generator<InkEntry & { path: Path2D }> {
    if (this.orderDirty) {
      this.ordered = [...this.entries.values()].sort((a, b) => compareIndex(a.item, b.item));
      this.orderDirty = false;
    }
    for (const entry of this.ordered) {
      if (!boxesIntersect(entry.box, view)) continue;
      if (entry.path === null) {
        const { item } = entry;
        // Decoding again here (about 20 us) beats keeping 10,000 decoded buffers alive.
        entry.path = strokePath(decodePoints(item.points), item.width, item.x, item.y);
      }
      yield entry as InkEntry & { path: Path2D };
    }
  }

  private apply(board: Board, change: ItemsChange): void {
    const dirty: Box[] = [];
    for (const id of change.removed) {
      const old = this.entries.get(id);
      if (!old) continue;
      this.entries.delete(id);
      this.orderDirty = true;
      dirty.push(old.box);
    }
    for (const id of change.upserted) {
      const item = board.getItem(id);
      if (item?.kind !== 'stroke') continue;
      const old = this.entries.get(id);
      // Unchanged geometry and style: keep the cached outline.
      if (old && old.item.points === item.points && old.item.x === item.x && old.item.y === item.y && old.item.width === item.width) {
        if (old.item.index !== item.index) this.orderDirty = true;
        old.item = item;
        dirty.push(old.box);
        continue;
      }
      if (old) dirty.push(old.box);
      const top = this.ordered[this.ordered.length - 1];
      const entry = this.put(item);
      if (!entry) continue;
      dirty.push(entry.box);
      if (old) this.orderDirty = true;
      // New ink almost always lands on top: append instead of re-sorting 10,000 entries.
      else if (!this.orderDirty && (!top || compareIndex(top.item, item) < 0)) this.ordered.push(entry);
      else this.orderDirty = true;
    }
    for (const listener of [...this.listeners]) listener(dirty);
  }

  private put(item: StrokeItem): InkEntry | null {
    let points: Float64Array;
    try {
      points = decodePoints(item.points);
    } catch {
      if (this.entries.delete(item.id)) this.orderDirty = true;
      return null; // a malformed buffer from a peer: skip this stroke, keep the board
    }
    const entry: InkEntry = { item, box: boundsOfPoints(points, item.x, item.y, item.width), path: null };
    this.entries.set(item.id, entry);
    return entry;
  }
}
