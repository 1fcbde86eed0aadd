/**
 * The projector's camera: every item fits in the area under the header. The first fit (and a new
 * screen size) jumps; later refits glide in 0.9 s. Board changes are looked at a few times a second
 * at most, and only a cut-off drawing (or one that could be shown much larger) moves the camera, so
 * strokes inside the view never make it twitch.
 *
 * With easels, the facilitator can aim it (`frame`): one easel with its ink past the edge
 * (spotlight: app/useSpotlightRegion.ts) or all of them (gallery) is then the box to fit, whatever
 * the rest of the drawing does; a change of aim glides there at once. On the
 * whole board, the easels count as part of the drawing.
 */
import { useEffect, useRef } from 'react';
import type { Editor } from '../editor/editor';
import type { NoteScene } from '../editor/noteScene';
import type { SceneIndex } from '../editor/sceneIndex';
import type { Box } from '../geometry/box';
import type { Board } from '../model/board';
import { startProjectorFitter, type ProjectorFitter, type ProjectorFrame } from './projectorFitter';

export type { ProjectorFrame } from './projectorFitter';

const boxKey = (b: Box | null): string => (b ? `${b.minX},${b.minY},${b.maxX},${b.maxY}` : '');

/**
 * `notes`: their regions are fitted too, and `insetRight` px on the right are left for their
 * legend; `insetBottom` keeps the board clear of the spotlight caption.
 */
export function useProjectorFit(
  editor: Editor,
  board: Board | null,
  scene: (() => SceneIndex) | null,
  insetTop: number,
  frame: ProjectorFrame = { key: 'board', box: null, fixed: false },
  insetBottom = 0,
  insetRight = 0,
  notes: NoteScene | null = null,
): void {
  const frameRef = useRef(frame);
  const keyRef = useRef(frame.key);
  const fitterRef = useRef<ProjectorFitter | null>(null);
  const aim = `${frame.key}|${boxKey(frame.box)}`;

  useEffect(() => {
    if (!board || !scene) return;
    const fitter = startProjectorFitter({
      editor,
      board,
      scene,
      notes,
      insets: { top: insetTop, right: insetRight, bottom: insetBottom, left: 0 },
      frame: () => frameRef.current,
      reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
    });
    fitterRef.current = fitter;
    return () => {
      fitterRef.current = null;
      fitter.dispose();
    };
  }, [editor, board, scene, insetTop, insetBottom, insetRight, notes]);

  // A new aim (spotlight, gallery, whole board): glide there now. The same aim with a new box (a
  // spotlight's ink grew past the edge, an easel was added) moves only as a drawing change would:
  // when something is cut off or could be shown much larger.
  useEffect(() => {
    frameRef.current = frame;
    const moved = keyRef.current !== frame.key;
    keyRef.current = frame.key;
    fitterRef.current?.refit(moved);
    // `aim` stands for `frame` (a new object on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [aim]);
}
