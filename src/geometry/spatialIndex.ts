/**
 * A spatial index of boxes by id over rbush: which items may be under a point, along an eraser
 * path or inside a marquee, without looking at every item on a 10,000-stroke board.
 */
import RBush from 'rbush';
import type { Box } from './box';

interface Entry extends Box {
  id: string;
}

export class SpatialIndex {
  private tree = new RBush<Entry>(16);
  private byId = new Map<string, Entry>();

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  boxOf(id: string): Box | undefined {
    return this.byId.get(id);
  }

  /** Replaces everything at once (bulk loading is several times faster than inserting one by one). */
  load(entries: Iterable<{ id: string; box: Box }>): void {
    this.tree.clear();
    this.byId.clear();
    const all: Entry[] = [];
    for (const { id, box } of entries) {
      const e = { id, minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY };
      all.push(e);
      this.byId.set(id, e);
    }
    this.tree.load(all);
  }

  set(id: string, box: Box): void {
    const old = this.byId.get(id);
    if (old) {
      if (old.minX === box.minX && old.minY === box.minY && old.maxX === box.maxX && old.maxY === box.maxY) return;
      this.tree.remove(old);
    }
    const e = { id, minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY };
    this.byId.set(id, e);
    this.tree.insert(e);
  }

  delete(id: string): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.tree.remove(old);
    this.byId.delete(id);
  }

  clear(): void {
    this.tree.clear();
    this.byId.clear();
  }

  /** Ids whose boxes meet `box`, in no particular order. */
  search(box: Box): string[] {
    return this.tree.search(box).map((e) => e.id);
  }

  /** Ids whose boxes are within `radius` of a point. */
  near(x: number, y: number, radius: number): string[] {
    return this.search({ minX: x - radius, minY: y - radius, maxX: x + radius, maxY: y + radius });
  }
}
