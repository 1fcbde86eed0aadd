/** The canvases an export draws into: offscreen where the browser has them, CPU-backed. */
export type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
export type AnyCanvas = OffscreenCanvas | HTMLCanvasElement;

export function makeCanvas(width: number, height: number): AnyCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

export function context2d(canvas: AnyCanvas): Canvas2D {
  // Read back once per slice (see render.ts): a CPU canvas makes those reads cheap.
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as Canvas2D | null;
  if (!ctx) throw new Error('This browser could not make an image of that size.');
  return ctx;
}
