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

/** Screen px: the core line grows from tail to head; the glow is wider and faint. */
const CORE_MIN = 1.5;
const CORE_MAX = 5;
const GLOW = 14;
const HEAD_RADIUS = 6;
const RED = '255, 36, 48';

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
      const camera = editor.camera;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      for (const trail of lasers.trails()) {
        const at = now - trail.lag;
        const pts = trail.points.filter((p) => p.t <= at && at - p.t < LASER_FADE_MS).map((p) => ({ ...boardToScreen(camera, p), a: laserAlpha(at - p.t) }));
        if (pts.length === 0) continue;
        // Glow under the core, segment by segment so each fades with its age.
        for (const [width, strength] of [[GLOW, 0.22], [0, 1]] as const) {
          for (let i = 1; i < pts.length; i++) {
            const p = pts[i - 1]!, q = pts[i]!;
            const a = (p.a + q.a) / 2;
            if (a <= 0.01) continue;
            ctx.strokeStyle = `rgba(${RED}, ${(a * strength).toFixed(3)})`;
            ctx.lineWidth = width || CORE_MIN + (CORE_MAX - CORE_MIN) * a;
            ctx.beginPath();
            ctx.moveTo(p.x, p.y);
            ctx.lineTo(q.x, q.y);
            ctx.stroke();
          }
        }
        const head = pts[pts.length - 1]!;
        ctx.fillStyle = `rgba(${RED}, ${(0.3 * head.a).toFixed(3)})`;
        ctx.beginPath();
        ctx.arc(head.x, head.y, HEAD_RADIUS * 2, 0, Math.PI * 2);
        ctx.fill();
        ctx.fillStyle = `rgba(${RED}, ${head.a.toFixed(3)})`;
        ctx.beginPath();
        ctx.arc(head.x, head.y, HEAD_RADIUS, 0, Math.PI * 2);
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
