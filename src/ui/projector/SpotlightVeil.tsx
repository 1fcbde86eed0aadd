/**
 * Spotlight on the projector: everything but the spotlighted easel fades under a paper-coloured
 * veil (one element with a wide shadow around a clear hole), so the room looks at one drawing.
 * Follows the camera, so it glides with the zoom.
 */
import { useSyncExternalStore } from 'react';
import type { Editor } from '../../editor/editor';
import type { Box } from '../../geometry/box';
import './projectorEasels.css';

export function SpotlightVeil({ editor, box }: { editor: Editor; box: Box | null }) {
  const { camera } = useSyncExternalStore(editor.state.subscribe, editor.state.get);
  if (!box) return null;
  const left = (box.minX - camera.x) * camera.zoom, top = (box.minY - camera.y) * camera.zoom;
  const width = (box.maxX - box.minX) * camera.zoom, height = (box.maxY - box.minY) * camera.zoom;
  return <div className="proj-veil" aria-hidden="true" style={{ left, top, width, height, borderRadius: 28 * camera.zoom }} />;
}
