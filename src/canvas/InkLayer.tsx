/**
 * Finished ink: ONE Konva.Shape that paints a cached bitmap of every stroke (see inkBitmap.ts).
 * No node per stroke (react-konva reconciling 10,000 nodes is the known bottleneck), no hit graph.
 * The layer itself stays in screen space; the bitmap follows the camera.
 */
import type Konva from 'konva';
import { useCallback, useEffect, useRef } from 'react';
import { Layer, Shape } from 'react-konva';
import type { Editor } from '../editor/editor';
import type { Camera } from '../geometry/camera';
import type { Board } from '../model/board';
import { InkBitmap } from './inkBitmap';
import { InkIndex } from './inkIndex';
import type { Size } from './useViewportSize';

/** A camera that has not moved for this long is "at rest": worth one full, crisp re-render. */
const SETTLE_MS = 140;

interface Props {
  board: Board;
  editor: Editor;
  size: Size;
}

export function InkLayer({ board, editor, size }: Props) {
  const layerRef = useRef<Konva.Layer>(null);
  const indexRef = useRef<InkIndex | null>(null);
  const bitmapRef = useRef<InkBitmap | null>(null);
  const sizeRef = useRef(size);
  const lastMoveRef = useRef(0);
  const settleRef = useRef<ReturnType<typeof setTimeout> | null>(null);

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
    const index = new InkIndex(board);
    const bitmap = (bitmapRef.current ??= new InkBitmap());
    bitmap.invalidate();
    indexRef.current = index;
    const off = index.onChange((dirty) => {
      for (const box of dirty) bitmap.invalidate(box);
      redraw();
    });
    redraw();
    return () => {
      off();
      index.destroy();
      indexRef.current = null;
    };
  }, [board, redraw]);

  useEffect(() => {
    let camera: Camera = editor.camera;
    const off = editor.subscribe(() => {
      if (editor.camera === camera) return; // a style or tool change: nothing to repaint
      camera = editor.camera;
      lastMoveRef.current = performance.now();
      redraw();
      redrawWhenSettled();
    });
    return () => {
      off();
      if (settleRef.current !== null) clearTimeout(settleRef.current);
    };
  }, [editor, redraw, redrawWhenSettled]);

  // Stable: a new function would make react-konva repaint the layer on every React render.
  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      const index = indexRef.current;
      const bitmap = bitmapRef.current;
      if (!index || !bitmap) return;
      const camera = editor.camera;
      const { width, height } = sizeRef.current;
      const dpr = layerRef.current?.getCanvas().getPixelRatio() ?? window.devicePixelRatio;
      const moving = performance.now() - lastMoveRef.current < SETTLE_MS;
      if (!bitmap.update(index, camera, width, height, dpr, !moving)) redrawWhenSettled();
      bitmap.drawTo(context._context, camera);
    },
    [editor, redrawWhenSettled],
  );

  return (
    <Layer ref={layerRef} listening={false}>
      <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
