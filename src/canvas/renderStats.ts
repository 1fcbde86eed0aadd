/**
 * Counters the canvas keeps about its own work, for the render benchmark and for debugging a slow
 * board in the field: `window.__sketchroomRender` (always on, like `window.__sketchroom`; it holds
 * numbers only). Nothing here changes what is drawn.
 */
export interface RenderStats {
  /** Layer draws so far, per layer. */
  draws: { ink: number; live: number; overlay: number };
  /** Script time of the last ink layer draw (ms) and when the first complete one ended. */
  lastInkMs: number;
  firstInkAt: number | null;
  /** True when the ink bitmap shows the current camera at full resolution. */
  sharp: boolean;
  /** When the bitmap last became sharp (performance.now()). */
  sharpAt: number;
  /** Strokes still waiting for their idle-time decode. */
  pending: number;
  /** Longest idle slice so far (ms), and the last few slices' lengths. */
  maxSliceMs: number;
  slices: number[];
  /** When set (by a benchmark), every live layer paint appends (time origin + now, points drawn). */
  livePaints: Array<{ t: number; points: number }> | null;
}

export function createRenderStats(): RenderStats {
  return {
    draws: { ink: 0, live: 0, overlay: 0 },
    lastInkMs: 0,
    firstInkAt: null,
    sharp: false,
    sharpAt: 0,
    pending: 0,
    maxSliceMs: 0,
    slices: [],
    livePaints: null,
  };
}

const host = globalThis as { __sketchroomRender?: RenderStats };

/** Publishes the stats of the mounted canvas (the last one mounted wins). */
export function publishRenderStats(stats: RenderStats): () => void {
  host.__sketchroomRender = stats;
  return () => {
    if (host.__sketchroomRender === stats) delete host.__sketchroomRender;
  };
}
