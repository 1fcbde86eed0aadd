/**
 * Finished items: ONE Konva.Shape that paints a cached bitmap of every item (see inkBitmap.ts).
 * No node per item (react-konva reconciling 10,000 nodes is the known bottleneck), no hit graph.
 * The layer itself stays in screen space; the bitmap follows the camera.
 *
 * A big board loads progressively: the first draw decodes the strokes near the view, the rest are
 * decoded in idle slices of at most IDLE_SLICE_MS (inkIndex.ts), repainting only what they reveal.
 */
import type Konva from 'konva';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { Layer, Shape } from 'react-konva';
import type { Editor } from '../editor/editor';
import { boxesIntersect } from '../geometry/box';
import type { Camera } from '../geometry/camera';
import type { Board } from '../model/board';
import { readOverlay, setDifference } from './editorView';
import { idleBudget } from './idleBudget';
import { InkBitmap } from './inkBitmap';
import { InkIndex } from './inkIndex';
import type { RenderStats } from './renderStats';
import { LOD_BELOW_K, type DrawLook } from './scene/draw';
import type { Size } from './useViewportSize';
import type { ImageSource } from './images/imageCache';

/** A camera that has not moved for this long is "at rest": worth one full, crisp re-render. */
const SETTLE_MS = 140;
/** Longest idle-time decoding slice. */
export const IDLE_SLICE_MS = 8;
/** Work budget of one slice; a step that would run past IDLE_SLICE_MS is left for the next (idleBudget.ts). */
const IDLE_BUDGET_MS = 6;

type Idle = (cb: (deadline: { timeRemaining(): number }) => void) => number;
const requestIdle: Idle =
  typeof requestIdleCallback === 'function' ? (cb) => requestIdleCallback(cb, { timeout: 200 }) : (cb) => window.setTimeout(() => cb({ timeRemaining: () => IDLE_SLICE_MS }), 1);
const cancelIdle = (id: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id));

interface Props {
  board: Board;
  editor: Editor;
  size: Size;
  stats: RenderStats;
  /** Receives the index, for the overlay (selection outlines use the same boxes). */
  index?: RefObject<InkIndex | null>;
  /** Decoded pictures of this board (absent: pictures show their placeholder). */
  images?: ImageSource;
  /** Thinnest ink on screen, CSS px (the projector: scene/minInk.ts); absent: true widths. */
  minInkPx?: number;
}

export function InkLayer({ board, editor, size, stats, index: shared, images, minInkPx }: Props) {
  const layerRef = useRef<Konva.Layer>(null);
  const indexRef = useRef<InkIndex | null>(null);
  const bitmapRef = useRef<InkBitmap | null>(null);
  const sizeRef = useRef(size);
  const lastMoveRef = useRef(0);
  const settleRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lookRef = useRef<DrawLook>({ fading: new Set(), editingId: null });
  const minInkRef = useRef(minInkPx);
  /** Restarts the idle work (after the camera moved: new surroundings to prepare). */
  const idleRef = useRef<(() => void) | null>(null);

  const redraw = useCallback(() => layerRef.current?.batchDraw(), []);
  const redrawWhenSettled = useCallback(() => {
    if (settleRef.current !== null) clearTimeout(settleRef.current);
    settleRef.current = setTimeout(() => {
      settleRef.current = null;
      redraw();
    }, SETTLE_MS);
  }, [redraw]);

  useEffect(() => {
    sizeRef.current = size;
    redraw();
  }, [size, redraw]);

  useEffect(() => {
    if (minInkRef.current === minInkPx) return;
    minInkRef.current = minInkPx;
    bitmapRef.current?.invalidate();
    redraw();
  }, [minInkPx, redraw]);

  useEffect(() => {
    const index = new InkIndex(board);
    const bitmap = (bitmapRef.current ??= new InkBitmap());
    bitmap.invalidate();
    indexRef.current = index;
    if (shared) shared.current = index;
    // Only changes the bitmap shows matter: it covers the viewport, nothing else.
    const off = index.onChange((dirty) => {
      const view = bitmap.coverage();
      let any = false;
      for (const box of dirty) {
        if (view && !boxesIntersect(box, view)) continue;
        bitmap.invalidate(box);
        any = true;
      }
      if (any) redraw();
    });
    // The rest of a big board, decoded while the browser is idle; then the outlines around the
    // view, so that a pan finds them built.
    let idle = 0;
    const slice = (deadline: { timeRemaining(): number }) => {
      idle = 0;
      const t0 = performance.now();
      const more = idleBudget(Math.min(IDLE_BUDGET_MS, Math.max(1, deadline.timeRemaining())), IDLE_SLICE_MS);
      const left = index.settleSome(more);
      stats.pending = left;
      let done = left === 0;
      // The margin around the view first (a pan then only shifts pixels), then the outlines near it.
      if (done) done = bitmap.refill(index, more);
      const cam = bitmap.camera;
      // Full outlines only matter where they are drawn: at small zooms the centre lines are used.
      if (done && cam && cam.zoom * (layerRef.current?.getCanvas().getPixelRatio() ?? 1) >= LOD_BELOW_K) {
        const { width, height } = sizeRef.current;
        const w = width / cam.zoom, h = height / cam.zoom;
        done = index.prepareNear({ minX: cam.x - w, minY: cam.y - h, maxX: cam.x + 2 * w, maxY: cam.y + 2 * h }, more);
      }
      const took = performance.now() - t0;
      stats.maxSliceMs = Math.max(stats.maxSliceMs, took);
      if (stats.slices.push(took) > 2000) stats.slices.splice(0, 1000);
      if (!done) idle = requestIdle(slice);
    };
    idleRef.current = () => {
      if (!idle) idle = requestIdle(slice);
    };
    stats.pending = index.pendingCount;
    idle = requestIdle(slice);
    redraw();
    return () => {
      off();
      if (idle) cancelIdle(idle);
      idleRef.current = null;
      index.destroy();
      indexRef.current = null;
      if (shared) shared.current = null;
    };
  }, [board, redraw, stats, shared]);

  // A picture that finishes loading (or fails) repaints the places that show it.
  useEffect(() => {
    lookRef.current = { ...lookRef.current, images };
    bitmapRef.current?.invalidate();
    redraw();
    if (!images) return;
    return images.onChange((hash) => {
      const boxes = indexRef.current?.boxesOfBlob(hash) ?? [];
      for (const box of boxes) bitmapRef.current?.invalidate(box);
      if (boxes.length) redraw();
    });
  }, [images, redraw]);

  useEffect(() => {
    let camera: Camera = editor.camera;
    let look = lookRef.current;
    const off = editor.subscribe(() => {
      // Items that start or stop fading (eraser) or hiding (text editing): repaint just those.
      const o = readOverlay(editor);
      if (o.erasing !== look.fading || o.editingId !== look.editingId) {
        const changed = setDifference(o.erasing, look.fading);
        if (o.editingId !== look.editingId) changed.push(...[o.editingId, look.editingId].filter((id): id is string => id !== null));
        look = lookRef.current = { ...lookRef.current, fading: o.erasing, editingId: o.editingId };
        const index = indexRef.current;
        for (const id of changed) {
          const entry = index?.get(id);
          if (entry) bitmapRef.current?.invalidate(entry.box);
        }
        if (changed.length) redraw();
      }
      if (editor.camera === camera) return; // a style or tool change: nothing to repaint
      camera = editor.camera;
      stats.sharp = false;
      lastMoveRef.current = performance.now();
      redraw();
      redrawWhenSettled();
    });
    return () => {
      off();
      if (settleRef.current !== null) clearTimeout(settleRef.current);
    };
  }, [editor, redraw, redrawWhenSettled, stats]);

  // Stable: a new function would make react-konva repaint the layer on every React render.
  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      const index = indexRef.current;
      const bitmap = bitmapRef.current;
      if (!index || !bitmap) return;
      const t0 = performance.now();
      const camera = editor.camera;
      const { width, height } = sizeRef.current;
      const dpr = layerRef.current?.getCanvas().getPixelRatio() ?? window.devicePixelRatio;
      const moving = t0 - lastMoveRef.current < SETTLE_MS;
      const floor = minInkRef.current;
      const look = floor ? { ...lookRef.current, minInk: floor * dpr } : lookRef.current;
      const upToDate = bitmap.update(index, camera, width, height, dpr, !moving, look);
      if (!upToDate) redrawWhenSettled();
      bitmap.drawTo(context._context, camera);
      const t1 = performance.now();
      stats.draws.ink++;
      stats.lastInkMs = t1 - t0;
      const cam = bitmap.camera;
      const sharp = upToDate && cam !== null && cam.zoom === camera.zoom && cam.x === camera.x && cam.y === camera.y;
      if (sharp && !stats.sharp) stats.sharpAt = t1;
      stats.sharp = sharp;
      if (sharp && stats.firstInkAt === null) stats.firstInkAt = t1;
      if (sharp) idleRef.current?.();
    },
    [editor, redrawWhenSettled, stats],
  );

  return (
    <Layer ref={layerRef} listening={false}>
      <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
