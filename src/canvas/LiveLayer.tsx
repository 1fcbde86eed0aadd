/**
 * Strokes still being drawn (ours and other people's), on a small layer of their own so that a
 * moving pen never repaints the finished ink. Outlines are rebuilt per frame: only a few strokes.
 */
import type Konva from 'konva';
import { useCallback, useEffect, useRef } from 'react';
import { Layer, Shape } from 'react-konva';
import type { Editor } from '../editor/editor';
import type { LiveStrokes } from '../editor/liveStrokes';
import { applyCamera } from './cameraLayer';
import type { RenderStats } from './renderStats';
import { HIGHLIGHTER_ALPHA } from './scene/draw';
import { strokePath } from './strokeOutline';

interface Props {
  live: LiveStrokes;
  editor: Editor;
  stats: RenderStats;
}

export function LiveLayer({ live, editor, stats }: Props) {
  const layerRef = useRef<Konva.Layer>(null);

  useEffect(() => {
    const redraw = () => layerRef.current?.batchDraw();
    const offLive = live.subscribe(redraw);
    const offEditor = editor.subscribe(() => {
      if (layerRef.current) applyCamera(layerRef.current, editor.camera);
      redraw();
    });
    if (layerRef.current) applyCamera(layerRef.current, editor.camera);
    return () => {
      offLive();
      offEditor();
    };
  }, [live, editor]);

  // Stable, so React renders never repaint the layer by themselves.
  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      const ctx = context._context;
      let points = 0;
      for (const stroke of live.all()) {
        if (stroke.points.length === 0) continue;
        const marker = stroke.tool === 'highlighter';
        ctx.globalAlpha = marker ? HIGHLIGHTER_ALPHA : 1;
        ctx.fillStyle = stroke.color;
        ctx.fill(strokePath(stroke.points, stroke.width, 0, 0, stroke.endedAt !== null, marker));
        points += stroke.points.length / 3;
      }
      ctx.globalAlpha = 1;
      stats.draws.live++;
      stats.livePaints?.push({ t: performance.timeOrigin + performance.now(), points });
    },
    [live, stats],
  );

  return (
    <Layer ref={layerRef} listening={false}>
      <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
