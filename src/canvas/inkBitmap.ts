/**
 * A bitmap of the finished items at one camera, so that a frame costs a blit instead of refilling
 * thousands of paths (PERF-NOTES: 177-247 ms a pan frame for 10,000 strokes vs 0.4 ms for a bitmap).
 *   - the bitmap can be larger than the viewport by OVERSCAN device pixels on every side, the margin
 *     painted in idle time (`refill`). Measured on software raster it does not pay: every frame that
 *     writes a strip and then blits the bitmap copies the whole bitmap (copy-on-write snapshots), so
 *     a 256 px margin made pan frames 2-5x slower (p95 94 ms vs 14 ms). Kept at 0, as a knob;
 *   - a pan shifts the bitmap by whole device pixels (a fraction is placed by drawTo, and made exact
 *     once the camera rests); only strips that come into view unpainted are drawn at once;
 *   - a changed item redraws only its box (clipped), so committing a stroke costs that stroke;
 *   - a zoom shows the old bitmap scaled until the camera rests, then re-renders the viewport once
 *     (the margin follows in idle time).
 * Bookkeeping (which rectangles are unpainted, what a pan does) is pure: scene/bitmapPlan.ts.
 */
import type { Box } from '../geometry/box';
import type { Camera } from '../geometry/camera';
import type { InkIndex } from './inkIndex';
import { boxOfDeviceRect, deviceRectOfBox, intersectRect, mergeRects, planPan, shiftInvalid, splitRect, subtractRect, type Rect } from './scene/bitmapPlan';
import { padBox } from './scene/bounds';
import { drawEntry, LOD_BELOW_K, NO_LOOK, type DrawLook } from './scene/draw';

/** Margin painted around the viewport, device px (0: see the header). */
export const OVERSCAN = 0;
/** Largest piece of margin painted in one go in idle time, device px. */
const REFILL_TILE = 128;

export class InkBitmap {
  private readonly canvas = document.createElement('canvas');
  private readonly ctx = this.canvas.getContext('2d')!;
  /** The viewport camera the bitmap shows (its pixel (OVERSCAN, OVERSCAN) is that camera's top-left). */
  private cam: Camera | null = null;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private dirty: Box[] = [];
  private stale = true;
  /** Device rectangles of the bitmap not painted yet (the margin after a pan or a re-render). */
  private invalid: Rect[] = [];
  private look: DrawLook = NO_LOOK;
  /** Device pixels painted by the last update (for render stats). */
  painted = 0;

  /** The camera the bitmap shows, or null before its first render. */
  get camera(): Camera | null {
    return this.cam;
  }

  /** The board area the bitmap holds (viewport and margin), or null before its first render. */
  coverage(): Box | null {
    return this.cam ? boxOfDeviceRect({ x: 0, y: 0, w: this.canvas.width, h: this.canvas.height }, this.cam, this.dpr, OVERSCAN) : null;
  }

  /** Whether some of the margin is still unpainted (idle work to do). */
  get needsRefill(): boolean {
    return this.invalid.length > 0;
  }

  /** Marks a board area (or everything) for redraw. */
  invalidate(box?: Box): void {
    if (box) this.dirty.push(box);
    else this.stale = true;
  }

  /** The viewport inside the bitmap, device px. */
  private get view(): Rect {
    return { x: OVERSCAN, y: OVERSCAN, w: Math.round(this.width * this.dpr), h: Math.round(this.height * this.dpr) };
  }

  /**
   * Brings the viewport part of the bitmap up to date for `camera`. With `mayRenderAll` false (the
   * camera is moving) it never re-renders the whole view; returns false when the bitmap is behind.
   */
  update(index: InkIndex, camera: Camera, width: number, height: number, dpr: number, mayRenderAll: boolean, look: DrawLook = NO_LOOK): boolean {
    this.look = look;
    this.painted = 0;
    if (width !== this.width || height !== this.height || dpr !== this.dpr) {
      this.width = width;
      this.height = height;
      this.dpr = dpr;
      this.canvas.width = Math.max(1, Math.round(width * dpr)) + 2 * OVERSCAN;
      this.canvas.height = Math.max(1, Math.round(height * dpr)) + 2 * OVERSCAN;
      this.stale = true;
    }
    const cam = this.cam;
    if (this.stale || !cam) return mayRenderAll ? this.renderView(index, camera) : false;
    let exact = true;
    if (cam.x !== camera.x || cam.y !== camera.y || cam.zoom !== camera.zoom) {
      const plan = planPan(cam, camera, dpr, this.canvas.width, this.canvas.height);
      // A zoom, or a jump wider than the bitmap: show the old bitmap scaled until the camera rests.
      if (!plan) return mayRenderAll ? this.renderView(index, camera) : false;
      if (!plan.exact && mayRenderAll) return this.renderView(index, camera);
      this.shift(plan.sx, plan.sy, plan.cam);
      exact = plan.exact;
    }
    // What the viewport needs now: unpainted parts of it, and changed items.
    const view = this.view;
    const now: Rect[] = [];
    const later: Rect[] = [];
    for (const r of this.invalid) {
      const inView = intersectRect(r, view);
      if (!inView) later.push(r);
      else {
        now.push(inView);
        later.push(...subtractRect(r, view));
      }
    }
    this.invalid = later;
    for (const box of this.dirty.splice(0)) {
      const r = deviceRectOfBox(box, this.cam!, dpr, this.canvas.width, this.canvas.height, OVERSCAN);
      if (r) now.push(r);
    }
    for (const r of mergeRects(now)) this.renderDeviceRect(index, r);
    return exact;
  }

  /** Paints unpainted margin until `more()` says stop; true when nothing is left. */
  refill(index: InkIndex, more: () => boolean): boolean {
    if (!this.cam) return true;
    // Tile-sized pieces, so that one idle slice never paints a whole band at once.
    this.invalid = mergeRects(this.invalid, 8).flatMap((r) => splitRect(r, REFILL_TILE));
    while (this.invalid.length > 0 && more()) this.renderDeviceRect(index, this.invalid.pop()!);
    return this.invalid.length === 0;
  }

  /** Paints the bitmap into a context in CSS pixels, mapped from its camera to `camera`. */
  drawTo(target: CanvasRenderingContext2D, camera: Camera): void {
    const cam = this.cam;
    if (!cam) return;
    const k = camera.zoom / cam.zoom;
    const margin = (OVERSCAN / this.dpr) * k;
    const ox = (cam.x - camera.x) * camera.zoom - margin;
    const oy = (cam.y - camera.y) * camera.zoom - margin;
    target.imageSmoothingEnabled = k !== 1 || ox !== Math.round(ox) || oy !== Math.round(oy);
    target.drawImage(this.canvas, ox, oy, (this.canvas.width / this.dpr) * k, (this.canvas.height / this.dpr) * k);
  }

  /** Renders the viewport at `camera`; the margin becomes idle work. */
  private renderView(index: InkIndex, camera: Camera): boolean {
    this.cam = { ...camera };
    this.stale = false;
    this.dirty = [];
    const all: Rect = { x: 0, y: 0, w: this.canvas.width, h: this.canvas.height };
    const view = this.view;
    this.ctx.clearRect(0, 0, all.w, all.h);
    this.invalid = subtractRect(all, view);
    this.renderDeviceRect(index, view);
    return true;
  }

  /** Moves the pixels by whole device pixels; what the move exposes becomes unpainted. */
  private shift(sx: number, sy: number, cam: Camera): void {
    const { ctx, canvas } = this;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    // 'copy' also clears whatever the shifted image does not cover: the exposed strips.
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(canvas, sx, sy);
    ctx.restore();
    this.cam = cam;
    this.invalid = shiftInvalid(this.invalid, sx, sy, canvas.width, canvas.height);
  }

  /** Clears one device-pixel rectangle and refills it with every item that meets it, in z-order. */
  private renderDeviceRect(index: InkIndex, r: Rect): void {
    const { ctx } = this;
    const cam = this.cam!;
    const k = cam.zoom * this.dpr;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(r.x, r.y, r.w, r.h);
    ctx.beginPath();
    ctx.rect(r.x, r.y, r.w, r.h);
    ctx.clip();
    ctx.setTransform(k, 0, 0, k, OVERSCAN - cam.x * k, OVERSCAN - cam.y * k);
    const look = this.look;
    // Ink widened to the floor (minInk.ts) reaches past its box by up to half the floor.
    const view: Box = padBox(boxOfDeviceRect(r, cam, this.dpr, OVERSCAN), (look.minInk ?? 0) / k);
    for (const entry of index.visible(view, k >= LOD_BELOW_K)) drawEntry(ctx, entry, k, look);
    ctx.restore();
    this.painted += r.w * r.h;
  }
}
