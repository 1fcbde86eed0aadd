import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Editor } from '../editor/editor';
import { fitCamera, type Insets } from '../editor/projectorFit';
import type { Box } from '../geometry/box';
import { startProjectorFitter, type ProjectorFrame } from './projectorFitter';

const VIEW = { width: 1920, height: 1080 };
const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
/** The projector's header and gallery caption. */
const CHROME: Insets = { top: 260, right: 0, bottom: 120, left: 0 };
const GALLERY: Box = { minX: 0, minY: 0, maxX: 10720, maxY: 5140 };

/** A board that only tells listeners it changed. */
function fakeBoard() {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    changed: () => listeners.forEach((l) => l()),
  };
}

function setup() {
  const editor = new Editor();
  editor.setViewport(VIEW.width, VIEW.height);
  const board = fakeBoard();
  let drawing: Box = { minX: 0, minY: 0, maxX: 1000, maxY: 600 };
  let frame: ProjectorFrame = { key: 'board', box: null, fixed: false };
  const start = (insets: Insets) =>
    startProjectorFitter({
      editor,
      board,
      scene: () => ({ allBounds: () => drawing }),
      notes: null,
      insets,
      frame: () => frame,
      reducedMotion: true,
    });
  return {
    editor,
    board,
    start,
    draw: (box: Box) => (drawing = box),
    aim: (f: ProjectorFrame) => (frame = f),
  };
}

describe('projector fitter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fits the drawing at once, then refits a few times a second only when something is cut off', () => {
    const { editor, board, start, draw } = setup();
    const fitter = start(CHROME);
    expect(editor.camera).toEqual(fitCamera({ minX: 0, minY: 0, maxX: 1000, maxY: 600 }, VIEW, CHROME));
    const before = editor.camera;
    // A stroke inside the view: nothing moves.
    draw({ minX: 0, minY: 0, maxX: 1000, maxY: 620 });
    board.changed();
    vi.advanceTimersByTime(1000);
    expect(editor.camera).toEqual(before);
    // One that runs off the side: the camera follows, once the check comes round.
    const wide = { minX: 0, minY: 0, maxX: 4000, maxY: 620 };
    draw(wide);
    board.changed();
    board.changed();
    expect(editor.camera).toEqual(before);
    vi.advanceTimersByTime(300);
    expect(editor.camera).toEqual(fitCamera(wide, VIEW, CHROME));
    fitter.dispose();
  });

  it('a replaced fitter never moves the camera again, even with a check it had scheduled', () => {
    const { editor, board, start, aim } = setup();
    // The projector first measures no header or caption.
    const early = start(NO_INSETS);
    // The drawing changes (a check is now due in 300 ms), then the facilitator picks the gallery.
    board.changed();
    aim({ key: 'gallery', box: GALLERY, fixed: true });
    early.refit(true);
    // The caption appears: a fitter with the measured insets takes over.
    early.dispose();
    const measured = start(CHROME);
    const fitted = fitCamera(GALLERY, VIEW, CHROME);
    expect(editor.camera).toEqual(fitted);
    // The old fitter's check must not fit the gallery again as if there were no header or caption
    // (that put the top row under the header and the bottom row behind the caption).
    vi.advanceTimersByTime(2000);
    expect(editor.camera).toEqual(fitted);
    measured.dispose();
  });

  it('a check that comes early makes the scheduled one unnecessary', () => {
    const { editor, board, start, draw } = setup();
    const fitter = start(CHROME);
    board.changed();
    const wide = { minX: 0, minY: 0, maxX: 4000, maxY: 620 };
    draw(wide);
    fitter.refit(true);
    expect(editor.camera).toEqual(fitCamera(wide, VIEW, CHROME));
    expect(vi.getTimerCount()).toBe(0);
    fitter.dispose();
  });
});
