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
import type { ProjectorAim } from '../editor/projectorAim';
import { easeInOut, fitCamera, interpolateCamera, needsRefit, type Insets } from '../editor/projectorFit';
import type { NoteScene } from '../editor/noteScene';
import type { SceneIndex } from '../editor/sceneIndex';
import type { Box } from '../geometry/box';
import type { Camera } from '../geometry/camera';
import { unionBoxes } from '../geometry/handles';
import type { Board } from '../model/board';

const GLIDE_MS = 900;
const CHECK_MS = 300;

/** What the projector aims at (editor/projectorAim.ts): `fixed` boxes are fitted exactly; otherwise `box` joins the drawing. */
export type ProjectorFrame = Pick<ProjectorAim, 'key' | 'box' | 'fixed'>;

const sameCamera = (a: Camera, b: Camera): boolean => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4;

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
  const refitRef = useRef<((force: boolean) => void) | null>(null);
  const aim = `${frame.key}|${boxKey(frame.box)}`;

  useEffect(() => {
    if (!board || !scene) return;
    const insets: Insets = { top: insetTop, right: insetRight, bottom: insetBottom, left: 0 };
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    let raf = 0;
    let glideTo: Camera | null = null;
    let pending = 0;
    let first = true;
    let lastView = { ...editor.state.get().viewport };

    const stopGlide = () => {
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
    };

    const check = (jump: boolean, force = false) => {
      pending = 0;
      const view = editor.state.get().viewport;
      if (view.width < 2 || view.height < 2) return;
      const aimed = frameRef.current;
      const box =
        aimed.fixed && aimed.box
          ? aimed.box
          : unionBoxes([scene().allBounds(), aimed.box, ...(notes?.notes() ?? []).map((n) => n.box)].filter((b) => b !== null));
      if (!box) return; // an empty board: keep the view (the hint shows in the middle)
      const target = fitCamera(box, view, insets);
      const from = editor.camera;
      // A glide under way toward another fit (the box changed meanwhile) is re-aimed; one toward this
      // fit goes on.
      const gliding = raf !== 0;
      if (gliding && glideTo && sameCamera(glideTo, target) && !force && !jump) return;
      if (!jump && !first && !force && !gliding && !needsRefit(from, target, box, view, insets)) return;
      stopGlide();
      if (jump || first || reduced) {
        first = false;
        editor.setCamera(target);
        return;
      }
      const start = performance.now();
      glideTo = target;
      const step = (t: number) => {
        const k = Math.min(1, (t - start) / GLIDE_MS);
        editor.setCamera(interpolateCamera(from, target, easeInOut(k), view));
        raf = k < 1 ? requestAnimationFrame(step) : 0;
      };
      raf = requestAnimationFrame(step);
    };
    refitRef.current = (force) => check(false, force);

    const schedule = () => {
      // Aimed at an easel or the gallery, the drawing does not move the camera.
      if (!pending && !frameRef.current.fixed) pending = window.setTimeout(() => check(false), CHECK_MS);
    };
    const offBoard = board.subscribe(schedule);
    const offNotes = notes?.subscribe(schedule);
    const offEditor = editor.subscribe(() => {
      const v = editor.state.get().viewport;
      if (v.width === lastView.width && v.height === lastView.height) return;
      lastView = { ...v };
      check(true);
    });
    check(true);
    return () => {
      refitRef.current = null;
      offBoard();
      offNotes?.();
      offEditor();
      stopGlide();
      if (pending) clearTimeout(pending);
    };
  }, [editor, board, scene, insetTop, insetBottom, insetRight, notes]);

  // A new aim (spotlight, gallery, whole board): glide there now. The same aim with a new box (a
  // spotlight's ink grew past the edge, an easel was added) moves only as a drawing change would:
  // when something is cut off or could be shown much larger.
  useEffect(() => {
    frameRef.current = frame;
    const moved = keyRef.current !== frame.key;
    keyRef.current = frame.key;
    refitRef.current?.(moved);
    // `aim` stands for `frame` (a new object on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [aim]);
}
