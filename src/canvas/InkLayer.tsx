/**
 * Finished ink: ONE Konva.Shape whose sceneFunc fills the cached outline of every visible stroke.
 * No node per stroke (react-konva reconciling 10,000 nodes is the known bottleneck), no hit graph.
 */
import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Layer, Shape } from 'react-konva';
import type { Editor } from '../editor/editor';
import { viewportBox } from '../geometry/camera';
import type { Board } from '../model/board';
import { applyCamera } from './cameraLayer';
import { InkIndex } from './inkIndex';
import type { Size } from './useViewportSize';

interface Props {
  board: Board;
  editor: Editor;
  size: Size;
}

export function InkLayer({ board, editor, size }: Props) {
  const layerRef = useRef<Konva.Layer>(null);
  const indexRef = useRef<InkIndex | null>(null);
  const sizeRef = useRef(size);

  useEffect(() => {
    sizeRef.current = size;
    layerRef.current?.batchDraw();
  }, [size]);

  useEffect(() => {
    const index = new InkIndex(board);
    indexRef.current = index;
    const redraw = () => layerRef.current?.batchDraw();
    const off = index.onChange(redraw);
    redraw();
    return () => {
      off();
      index.destroy();
      indexRef.current = null;
    };
  }, [board]);

  useEffect(() => {
    const sync = () => {
      const layer = layerRef.current;
      if (!layer) return;
      applyCamera(layer, editor.camera);
      layer.batchDraw();
    };
    sync();
    return editor.subscribe(sync);
  }, [editor]);

  const sceneFunc = (context: Konva.Context) => {
    const index = indexRef.current;
    if (!index) return;
    const ctx = context._context;
    const view = viewportBox(editor.camera, sizeRef.current.width, sizeRef.current.height);
    for (const entry of index.visible(view)) {
      ctx.fillStyle = entry.item.color;
      ctx.fill(entry.path);
    }
  };

  return (
    <Layer ref={layerRef} listening={false}>
      <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
