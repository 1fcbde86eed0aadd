/** Two-finger pan and zoom on touch screens: how the camera should move between two samples. */
import type { Vec } from '../geometry/camera';

export class PinchTracker {
  private touches = new Map<number, Vec>();

  get count(): number {
    return this.touches.size;
  }

  down(id: number, p: Vec): void {
    this.touches.set(id, p);
  }

  up(id: number): void {
    this.touches.delete(id);
  }

  clear(): void {
    this.touches.clear();
  }

  /** Moves one finger; with two down, returns the pan (screen px) and zoom step around their centre. */
  move(id: number, p: Vec): { dx: number; dy: number; factor: number; center: Vec } | null {
    const before = this.pair();
    if (!this.touches.has(id)) return null;
    this.touches.set(id, p);
    const after = this.pair();
    if (!before || !after) return null;
    const c0 = mid(before), c1 = mid(after);
    const d0 = dist(before), d1 = dist(after);
    return { dx: c0.x - c1.x, dy: c0.y - c1.y, factor: d0 > 0 ? d1 / d0 : 1, center: c1 };
  }

  private pair(): [Vec, Vec] | null {
    const [a, b] = this.touches.values();
    return a && b ? [a, b] : null;
  }
}

const mid = ([a, b]: [Vec, Vec]): Vec => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const dist = ([a, b]: [Vec, Vec]): number => Math.hypot(a.x - b.x, a.y - b.y);
