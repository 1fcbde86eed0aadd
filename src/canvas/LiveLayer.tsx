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
import { fillInk } from './scene/minInk';
import { strokePath } from './strokeOutline';

interface Props {
  live: LiveStrokes;
  editor: Editor;
  stats: RenderStats;
  /** Thinnest ink on screen, CSS px (the projector: scene/minInk.ts), so a line does not thicken when it is committed. */
  minInkPx?: number;
}

export function LiveLayer({ live, editor, stats, minInkPx = 0 }: Props) {
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
      // The layer is in board space, CSS px = board px x zoom.
      const minBoard = minInkPx > 0 ? minInkPx / editor.camera.zoom : 0;
      for (const stroke of live.all()) {
        if (stroke.points.length === 0) continue;
        const marker = stroke.tool === 'highlighter';
        ctx.globalAlpha = marker ? HIGHLIGHTER_ALPHA : 1;
        ctx.fillStyle = stroke.color;
        const outline = strokePath(stroke.points, stroke.width, 0, 0, stroke.endedAt !== null, marker);
        if (minBoard > stroke.width) fillInk(ctx, outline, marker ? centreLine(stroke.points) : null, stroke.width, minBoard, marker);
        else ctx.fill(outline);
        points += stroke.points.length / 3;
      }
      ctx.globalAlpha = 1;
      stats.draws.live++;
      stats.livePaints?.push({ t: performance.timeOrigin + performance.now(), points });
    },
    [live, stats, editor, minInkPx],
  );

  return (
    <Layer ref={layerRef} listening={false}>
      <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}

/** The raw centre line of a live stroke (a thinned highlighter is drawn as this: minInk.ts). */
function centreLine(points: ArrayLike<number>): Path2D {
  const path = new Path2D();
  for (let i = 0; i + 1 < points.length; i += 3) {
    if (i === 0) path.moveTo(points[i]!, points[i + 1]!);
    else path.lineTo(points[i]!, points[i + 1]!);
  }
  if (points.length <= 3) path.lineTo((points[0] ?? 0) + 0.01, points[1] ?? 0);
  return path;
}
