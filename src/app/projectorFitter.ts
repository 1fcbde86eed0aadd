/**
 * The projector's camera loop without React: fits the aim into the free area (editor/projectorFit),
 * jumps the first time and for a new screen size, glides otherwise, and looks at board changes a few
 * times a second at most. One fitter lives for one set of insets; `useProjectorFit` starts a new one
 * when they change and disposes of the old one, which must then never touch the camera again.
 */
import type { Editor } from '../editor/editor';
import type { ProjectorAim } from '../editor/projectorAim';
import { easeInOut, fitCamera, interpolateCamera, needsRefit, type Insets } from '../editor/projectorFit';
import type { NoteScene } from '../editor/noteScene';
import type { SceneIndex } from '../editor/sceneIndex';
import type { Camera } from '../geometry/camera';
import { unionBoxes } from '../geometry/handles';

const GLIDE_MS = 900;
const CHECK_MS = 300;

/** What the projector aims at (editor/projectorAim.ts): `fixed` boxes are fitted exactly; otherwise `box` joins the drawing. */
export type ProjectorFrame = Pick<ProjectorAim, 'key' | 'box' | 'fixed'>;

/** Something that says when it changed (the board, the notes); what changed does not matter here. */
interface Changing {
  subscribe(listener: () => void): () => void;
}

export interface FitterInput {
  editor: Pick<Editor, 'state' | 'camera' | 'setCamera' | 'subscribe'>;
  board: Changing;
  scene: () => Pick<SceneIndex, 'allBounds'>;
  notes: (Changing & Pick<NoteScene, 'notes'>) | null;
  insets: Insets;
  /** The current aim (read at each check). */
  frame: () => ProjectorFrame;
  /** Jump instead of gliding. */
  reducedMotion: boolean;
}

export interface ProjectorFitter {
  /** Fits now: `force` moves even when nothing is cut off (a new aim). */
  refit(force: boolean): void;
  dispose(): void;
}

const sameCamera = (a: Camera, b: Camera): boolean => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4;

export function startProjectorFitter({ editor, board, scene, notes, insets, frame, reducedMotion }: FitterInput): ProjectorFitter {
  let raf = 0;
  let glideTo: Camera | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let first = true;
  let disposed = false;
  let lastView = { ...editor.state.get().viewport };

  const stopGlide = () => {
    if (raf) cancelAnimationFrame(raf);
    raf = 0;
  };
  const cancelTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const check = (jump: boolean, force = false) => {
    // A check that comes before the scheduled one makes it pointless; a timer left running would
    // fit again later, and after a dispose with insets that no longer hold (the caption's, say).
    cancelTimer();
    if (disposed) return;
    const view = editor.state.get().viewport;
    if (view.width < 2 || view.height < 2) return;
    const aimed = frame();
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
    if (jump || first || reducedMotion) {
      first = false;
      editor.setCamera(target);
      return;
    }
    const start = performance.now();
    glideTo = target;
    const step = (t: number) => {
      if (disposed) return;
      const k = Math.min(1, (t - start) / GLIDE_MS);
      editor.setCamera(interpolateCamera(from, target, easeInOut(k), view));
      raf = k < 1 ? requestAnimationFrame(step) : 0;
    };
    raf = requestAnimationFrame(step);
  };

  const schedule = () => {
    // Aimed at an easel or the gallery, the drawing does not move the camera.
    if (timer === null && !disposed && !frame().fixed) timer = setTimeout(() => check(false), CHECK_MS);
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

  return {
    refit: (force) => check(false, force),
    dispose() {
      disposed = true;
      offBoard();
      offNotes?.();
      offEditor();
      stopGlide();
      cancelTimer();
    },
  };
}
