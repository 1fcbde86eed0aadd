/**
 * The easels' names above the ink, for the projector's far views (easelNames.ts says why): each on
 * a patch of the card's white just around its letters, a little translucent. Screen space. Shown only that far out;
 * closer in (a spotlight), the card's own label under the ink is back (EaselLayer).
 */
import { useSyncExternalStore } from 'react';
import { Layer, Rect, Text } from 'react-konva';
import type { Editor } from '../editor/editor';
import type { Easel } from '../model/schema';
import { EASEL_FONT, namePlate, namesAbove } from './easelNames';

let ctx2d: CanvasRenderingContext2D | null = null;
/** Widths at REFERENCE_PX, per name: text widths scale with the font size, so one measure serves every zoom of a glide. */
const widths = new Map<string, number>();
const REFERENCE_PX = 100;

/** Width of a name in the label's font at `px` (canvas measureText once per name). */
function measure(text: string, px: number): number {
  let w = widths.get(text);
  if (w === undefined) {
    ctx2d ??= document.createElement('canvas').getContext('2d');
    if (!ctx2d) return text.length * px * 0.6;
    ctx2d.font = `600 ${REFERENCE_PX}px ${EASEL_FONT}`;
    w = ctx2d.measureText(text).width;
    if (widths.size > 2000) widths.clear();
    widths.set(text, w);
  }
  return (w * px) / REFERENCE_PX;
}

export function EaselNamesLayer({ easels, editor }: { easels: readonly Easel[]; editor: Editor }) {
  const { camera, viewport } = useSyncExternalStore(editor.state.subscribe, editor.state.get);
  if (easels.length === 0 || !namesAbove(camera.zoom)) return null;
  return (
    <Layer listening={false}>
      {easels.map((e) => {
        const p = namePlate(e, camera, measure);
        if (p.x > viewport.width || p.y > viewport.height || p.x + p.w < 0 || p.y + p.h < 0) return null;
        return [
          <Rect key={`${e.id}:patch`} x={p.x} y={p.y} width={p.w} height={p.h} cornerRadius={p.h / 4} fill="rgba(255, 255, 255, 0.86)" listening={false} perfectDrawEnabled={false} />,
          <Text
            key={`${e.id}:name`}
            x={p.textX}
            y={p.textY}
            width={p.textW}
            text={p.text}
            fontFamily={EASEL_FONT}
            fontStyle="600"
            fontSize={p.fontPx}
            fill="#2b3138"
            wrap="none"
            ellipsis
            listening={false}
          />,
        ];
      })}
    </Layer>
  );
}
