/**
 * The projector's camera: every item fits in the area under the header. The first fit (and a new
 * screen size) jumps; later refits glide in 0.9 s. Board changes are looked at a few times a second
 * at most, and only a cut-off drawing (or one that could be shown much larger) moves the camera, so
 * strokes inside the view never make it twitch.
 */
import { useEffect } from 'react';
import type { Editor } from '../editor/editor';
import { easeInOut, fitCamera, interpolateCamera, needsRefit, type Insets } from '../editor/projectorFit';
import type { NoteScene } from '../editor/noteScene';
import type { SceneIndex } from '../editor/sceneIndex';
import { unionBoxes } from '../geometry/handles';
import type { Board } from '../model/board';

const GLIDE_MS = 900;
const CHECK_MS = 300;

/** `notes`: their regions are fitted too, and `insetRight` px on the right are left for their legend. */
export function useProjectorFit(editor: Editor, board: Board | null, scene: (() => SceneIndex) | null, insetTop: number, insetRight = 0, notes: NoteScene | null = null): void {
  useEffect(() => {
    if (!board || !scene) return;
    const insets: Insets = { top: insetTop, right: insetRight, bottom: 0, left: 0 };
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    let raf = 0;
    let pending = 0;
    let first = true;
    let lastView = { ...editor.state.get().viewport };

    const stopGlide = () => {
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
    };

    const check = (jump: boolean) => {
      pending = 0;
      const view = editor.state.get().viewport;
      if (view.width < 2 || view.height < 2) return;
      const box = unionBoxes([scene().allBounds(), ...(notes?.notes() ?? []).map((n) => n.box)].filter((b) => b !== null));
      if (!box) return; // an empty board: keep the view (the hint shows in the middle)
      const target = fitCamera(box, view, insets);
      const from = editor.camera;
      if (!jump && !first && !needsRefit(from, target, box, view, insets)) return;
      stopGlide();
      if (jump || first || reduced) {
        first = false;
        editor.setCamera(target);
        return;
      }
      const start = performance.now();
      const step = (t: number) => {
        const k = Math.min(1, (t - start) / GLIDE_MS);
        editor.setCamera(interpolateCamera(from, target, easeInOut(k), view));
        raf = k < 1 ? requestAnimationFrame(step) : 0;
      };
      raf = requestAnimationFrame(step);
    };

    const schedule = () => {
      if (!pending) pending = window.setTimeout(() => check(false), CHECK_MS);
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
      offBoard();
      offNotes?.();
      offEditor();
      stopGlide();
      if (pending) clearTimeout(pending);
    };
  }, [editor, board, scene, insetTop, insetRight, notes]);
}
