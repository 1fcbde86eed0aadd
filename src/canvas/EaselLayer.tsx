/**
 * The easels, under the ink: a calm white card per participant with their name, large enough to
 * read on the projector. Board space (the layer follows the camera); the label never gets smaller
 * than LABEL_MIN_SCREEN_PX on screen, so names stay legible in the gallery, where easels are small.
 * A few dozen nodes at most (one card per person), so plain react-konva nodes are fine here.
 */
import { useSyncExternalStore } from 'react';
import { Group, Layer, Rect, Text } from 'react-konva';
import type { Editor } from '../editor/editor';
import type { Easel } from '../model/schema';
import { EASEL_FONT as FONT, LABEL_PAD as PAD, labelBoardPx, namesAbove } from './easelNames';

const SPOTLIGHT = '#0a64c2';

interface Props {
  easels: readonly Easel[];
  editor: Editor;
  /** The easel on the projector now (the facilitator's screen marks it). */
  spotlight?: string;
  /** Far out, names go above the ink (the projector: EaselNamesLayer), so not here. */
  namesOnTop?: boolean;
}

export function EaselLayer({ easels, editor, spotlight, namesOnTop = false }: Props) {
  const { camera } = useSyncExternalStore(editor.state.subscribe, editor.state.get);
  if (easels.length === 0) return null;
  const named = !(namesOnTop && namesAbove(camera.zoom));

  return (
    // Board space: screen = (board - camera) * zoom (as cameraLayer.ts does for the ink).
    <Layer listening={false} x={-camera.x * camera.zoom} y={-camera.y * camera.zoom} scaleX={camera.zoom} scaleY={camera.zoom}>
      {easels.map((e) => {
        const lit = e.id === spotlight;
        const px = labelBoardPx(e, camera.zoom);
        return (
          <Group key={e.id} x={e.x} y={e.y} listening={false}>
            {/* A soft edge below the card: an offset rect, not a blurred shadow (60 blurs per frame would cost a pan). */}
            <Rect y={6} width={e.w} height={e.h} cornerRadius={28} fill="rgba(31, 35, 40, 0.06)" perfectDrawEnabled={false} />
            <Rect
              width={e.w}
              height={e.h}
              cornerRadius={28}
              fill="#ffffff"
              stroke={lit ? SPOTLIGHT : '#ddd6c8'}
              strokeWidth={lit ? Math.max(8, 3 / camera.zoom) : Math.max(2, 1 / camera.zoom)}
              perfectDrawEnabled={false}
            />
            {named && (
              <Text
                x={PAD}
                y={PAD * 0.8}
                width={e.w - PAD * 2}
                text={e.name}
                fontFamily={FONT}
                fontStyle="600"
                fontSize={px}
                fill="#2b3138"
                wrap="none"
                ellipsis
              />
            )}
          </Group>
        );
      })}
    </Layer>
  );
}
