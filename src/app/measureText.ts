/** Text measuring for hit tests and the text overlay: canvas measureText with a small cache. */
import { TEXT_FONT_FAMILY, type Measure } from '../geometry/textLayout';

let ctx2d: CanvasRenderingContext2D | null = null;
const cache = new Map<string, number>();

export const canvasMeasure: Measure = (text, fontPx) => {
  const key = `${fontPx}|${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  ctx2d ??= document.createElement('canvas').getContext('2d');
  if (!ctx2d) return text.length * fontPx * 0.56;
  ctx2d.font = `${fontPx}px ${TEXT_FONT_FAMILY}`;
  const w = ctx2d.measureText(text).width;
  if (cache.size > 5000) cache.clear();
  cache.set(key, w);
  return w;
};
