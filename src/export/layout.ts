/**
 * Where everything goes in an exported image (output pixels): the drawing region at the chosen
 * scale with its padding, and the legend beside it (tall drawings) or below it (wide ones), at a
 * type size that stays legible whatever the scale and however big the region is.
 */
import type { Box } from '../geometry/box';
import type { Measure } from '../geometry/textLayout';
import { layoutLegend, type Legend, type LegendNote } from './legend';

export interface ImageLayout {
  width: number;
  height: number;
  /** The region drawn (board px), and where its top-left lands (output px) at `scale`. */
  region: Box;
  scale: number;
  origin: { x: number; y: number };
  legend: (Legend & { x: number; y: number }) | null;
}

/** Exports larger than this are drawn at a smaller scale: browsers cap canvas sizes, and 50 MP is 200 MB of pixels. */
export const MAX_PIXELS = 50_000_000;
export const MAX_SIDE = 16_384;

/** Legend type size in board px: a fixed share of the drawing's width, within readable bounds. */
export function legendFontPx(regionWidth: number): number {
  return Math.min(40, Math.max(15, regionWidth / 48));
}

/** The region snapped outwards to whole board pixels. */
export function snapBox(b: Box): Box {
  return { minX: Math.floor(b.minX), minY: Math.floor(b.minY), maxX: Math.ceil(b.maxX), maxY: Math.ceil(b.maxY) };
}

export function layoutImage(region: Box, opts: { scale: number; padding: number }, notes: readonly LegendNote[] | null, measure: Measure): ImageLayout {
  const steps = layoutImageSteps(region, opts, notes, measure);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `layoutImage` as a generator that pauses between tries: laying out a legend of 120 notes is
 * ~40 ms, and a board over the size cap is laid out two or three times.
 */
export function* layoutImageSteps(region: Box, opts: { scale: number; padding: number }, notes: readonly LegendNote[] | null, measure: Measure): Generator<void, ImageLayout, void> {
  const r = snapBox(region);
  const build = (scale: number): ImageLayout => {
    const pad = Math.round(opts.padding * scale);
    const drawW = Math.round((r.maxX - r.minX) * scale) + 2 * pad;
    const drawH = Math.round((r.maxY - r.minY) * scale) + 2 * pad;
    if (!notes || notes.length === 0) return { width: Math.max(1, drawW), height: Math.max(1, drawH), region: r, scale, origin: { x: pad, y: pad }, legend: null };
    const fontPx = legendFontPx(r.maxX - r.minX) * scale;
    const beside = drawH >= drawW * 0.8;
    if (beside) {
      const legend = layoutLegend(notes, fontPx * 20, fontPx, measure, 1);
      return { width: drawW + legend.width, height: Math.max(drawH, legend.height), region: r, scale, origin: { x: pad, y: pad }, legend: { ...legend, x: drawW, y: 0 } };
    }
    const width = Math.max(drawW, fontPx * 20);
    const columns = Math.max(1, Math.min(8, Math.floor(width / (fontPx * 22))));
    const legend = layoutLegend(notes, width, fontPx, measure, columns);
    return { width, height: drawH + legend.height, region: r, scale, origin: { x: Math.round((width - drawW) / 2) + pad, y: pad }, legend: { ...legend, x: 0, y: drawH } };
  };
  let out = build(opts.scale);
  // Too big for a canvas: shrink the scale until it fits (the dialog says so).
  for (let i = 0; i < 20 && (out.width * out.height > MAX_PIXELS || out.width > MAX_SIDE || out.height > MAX_SIDE); i++) {
    const f = Math.min(Math.sqrt(MAX_PIXELS / (out.width * out.height)), MAX_SIDE / out.width, MAX_SIDE / out.height) * 0.98;
    yield;
    out = build(out.scale * f);
  }
  out.width = Math.ceil(out.width);
  out.height = Math.ceil(out.height);
  return out;
}
