/**
 * The facilitator's laser pointer: a red trail whose tail fades (src/editor/laser.ts), drawn in
 * screen space (the same size at any zoom) on a layer of its own. It animates only while some
 * trail is still visible; otherwise it costs nothing.
 */
import type Konva from 'konva';
import { useCallback, useEffect, useRef } from 'react';
import { Layer, Shape } from 'react-konva';
import type { Editor } from '../editor/editor';
import { LASER_FADE_MS, laserAlpha, type LaserTrails } from '../editor/laser';
import { boardToScreen } from '../geometry/camera';

/** Screen px on a laptop: the core line grows from tail to head; the glow is wider and faint. */
const CORE_MIN = 2;
const CORE_MAX = 6;
const GLOW = 16;
const HEAD_RADIUS = 7;
/** Larger screens (a projector: 1920 px seen from far away) draw it larger, up to this factor. */
const MAX_SCALE = 1.8;
const RED = '255, 36, 48';

type ScreenPoint = { x: number; y: number; a: number };

/** One path through `pts`, its opacity running from the first point's to the last's (times `strength`). */
function polyline(ctx: CanvasRenderingContext2D, pts: readonly ScreenPoint[], width: number, strength: number): void {
  if (pts.length < 2) return;
  const first = pts[0]!, last = pts[pts.length - 1]!;
  if (Math.hypot(last.x - first.x, last.y - first.y) < 1) return;
  const gradient = ctx.createLinearGradient(first.x, first.y, last.x, last.y);
  gradient.addColorStop(0, `rgba(${RED}, ${(first.a * strength).toFixed(3)})`);
  gradient.addColorStop(1, `rgba(${RED}, ${(last.a * strength).toFixed(3)})`);
  ctx.strokeStyle = gradient;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(first.x, first.y);
  for (const p of pts) ctx.lineTo(p.x, p.y);
  ctx.stroke();
}

interface Props {
  lasers: LaserTrails;
  editor: Editor;
}

export function LaserLayer({ lasers, editor }: Props) {
  const layerRef = useRef<Konva.Layer>(null);

  useEffect(() => {
    let raf = 0;
    const tick = () => {
      raf = 0;
      layerRef.current?.batchDraw();
      if (lasers.active()) raf = requestAnimationFrame(tick);
    };
    const start = () => {
      if (!raf) raf = requestAnimationFrame(tick);
    };
    const offLasers = lasers.version.subscribe(start);
    const offEditor = editor.subscribe(() => {
      if (lasers.active()) start();
    });
    start();
    return () => {
      offLasers();
      offEditor();
      if (raf) cancelAnimationFrame(raf);
    };
  }, [lasers, editor]);

  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      const ctx = context._context;
      const now = performance.now();
      const { camera, viewport } = editor.state.get();
      const s = Math.min(MAX_SCALE, Math.max(1, viewport.width / 1280));
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      for (const trail of lasers.trails()) {
        const at = now - trail.lag;
        const pts = trail.points.filter((p) => p.t <= at && at - p.t < LASER_FADE_MS).map((p) => ({ ...boardToScreen(camera, p), a: laserAlpha(at - p.t) }));
        if (pts.length === 0) continue;
        const head = pts[pts.length - 1]!;
        // Whole paths with a gradient from the tail to the head (strokes per segment would bead
        // at every joint): a wide faint glow, a thin core over the whole trail and a thicker one
        // over its bright newer part, so the line tapers as it fades.
        polyline(ctx, pts, GLOW * s, 0.22);
        polyline(ctx, pts, CORE_MIN * s, 1);
        polyline(ctx, pts.filter((p) => p.a > 0.5), CORE_MAX * s, 1);
        ctx.fillStyle = `rgba(${RED}, ${(0.3 * head.a).toFixed(3)})`;
        ctx.beginPath();
        ctx.arc(head.x, head.y, HEAD_RADIUS * 2 * s, 0, Math.PI * 2);
        ctx.fill();
        ctx.fillStyle = `rgba(${RED}, ${head.a.toFixed(3)})`;
        ctx.beginPath();
        ctx.arc(head.x, head.y, HEAD_RADIUS * s, 0, Math.PI * 2);
        ctx.fill();
      }
    },
    [lasers, editor],
  );

  return (
    <Layer ref={layerRef} listening={false}>
      <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
