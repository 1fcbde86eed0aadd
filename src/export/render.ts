/**
 * Draws a region of the board from the document into a canvas: items (the canvas's own draw
 * routines), pictures, numbered note markers and the legend, at 1x/2x/3x on white or transparent.
 * Runs in slices (see slicer.ts) with progress and cancel.
 */
import { boxesIntersect, type Box } from '../geometry/box';
import { TEXT_FONT_FAMILY, type Measure } from '../geometry/textLayout';
import type { ImageItem } from '../model/schema';
import { drawEntry, NO_LOOK } from '../canvas/scene/draw';
import { fontOf } from '../canvas/scene/textLayout';
import { layoutImage, legendFontPx, type ImageLayout } from './layout';
import type { Legend } from './legend';
import { legendNotes, numberNotes, type ExportNote, type NumberedNote } from './notes';
import { entryBox, prepare, type ExportEntry } from './scene';
import type { Slicer } from './slicer';

export type Background = 'white' | 'transparent';

export interface RenderOptions {
  scale: number;
  background: Background;
  /** Margin around the drawing, board px (scaled with it). */
  padding: number;
  /** Draw note markers and the legend. */
  notes: boolean;
  /** With notes: list them beside or below the drawing (off for the PDF, which prints them as text). */
  legend?: boolean;
}

/** A loaded picture by its blob hash (null: could not be loaded, a placeholder is drawn). */
export type ImageSourceMap = ReadonlyMap<string, CanvasImageSource | null>;

export type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
export type AnyCanvas = OffscreenCanvas | HTMLCanvasElement;

export const MARKER_COLOUR = '#c2410c';
const LEGEND_INK = '#1f2328';
const LEGEND_MUTED = '#57606a';
const PLACEHOLDER = '#e5e7eb';

export function makeCanvas(width: number, height: number): AnyCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

export function context2d(canvas: AnyCanvas): Canvas2D {
  const ctx = canvas.getContext('2d') as Canvas2D | null;
  if (!ctx) throw new Error('This browser could not make an image of that size.');
  return ctx;
}

export interface RenderedRegion {
  canvas: AnyCanvas;
  layout: ImageLayout;
  notes: NumberedNote[];
}

/**
 * Renders `entries` that meet `region` (items outside it are clipped away: an easel's export shows
 * the easel, not its neighbours' ink). Notes meeting the region are numbered and listed.
 */
export async function renderRegion(
  entries: readonly ExportEntry[],
  region: Box,
  notes: readonly ExportNote[],
  images: ImageSourceMap,
  opts: RenderOptions,
  measure: Measure,
  slicer: Slicer,
  onProgress: (fraction: number) => void = () => {},
): Promise<RenderedRegion> {
  const numbered = opts.notes ? numberNotes(notes, region) : [];
  const layout = layoutImage(region, opts, opts.notes && opts.legend !== false ? legendNotes(numbered) : null, measure);
  const canvas = makeCanvas(layout.width, layout.height);
  const ctx = context2d(canvas);
  if (opts.background === 'white') {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, layout.width, layout.height);
  }
  const r = layout.region;
  const k = layout.scale;
  ctx.save();
  ctx.beginPath();
  ctx.rect(layout.origin.x, layout.origin.y, (r.maxX - r.minX) * k, (r.maxY - r.minY) * k);
  ctx.clip();
  ctx.setTransform(k, 0, 0, k, layout.origin.x - r.minX * k, layout.origin.y - r.minY * k);
  const inView = entries.filter((e) => boxesIntersect(entryBox(e), r));
  for (let i = 0; i < inView.length; i++) {
    await slicer.tick();
    if (i % 64 === 0) onProgress(i / Math.max(1, inView.length));
    const e = inView[i]!;
    if (e.kind === 'image') drawImage(ctx, e.item, images.get(e.item.blob) ?? null);
    else {
      prepare(e);
      drawEntry(ctx as CanvasRenderingContext2D, e.entry, k, NO_LOOK);
    }
  }
  if (numbered.length) drawMarkers(ctx, numbered, legendFontPx(r.maxX - r.minX));
  ctx.restore();
  if (layout.legend) drawLegend(ctx, layout.legend, layout.legend.x, layout.legend.y);
  onProgress(1);
  return { canvas, layout, notes: numbered };
}

function drawImage(ctx: Canvas2D, item: ImageItem, source: CanvasImageSource | null): void {
  ctx.save();
  ctx.translate(item.x, item.y);
  if (item.rotation) ctx.rotate((item.rotation * Math.PI) / 180);
  if (source) ctx.drawImage(source, 0, 0, item.w, item.h);
  else {
    ctx.fillStyle = PLACEHOLDER;
    ctx.fillRect(0, 0, item.w, item.h);
  }
  ctx.restore();
}

/** Each note's region outlined, with its number in a badge on the region's top-left corner. */
function drawMarkers(ctx: Canvas2D, notes: readonly NumberedNote[], fontPx: number): void {
  const r = fontPx * 0.78;
  ctx.lineJoin = 'round';
  for (const n of notes) {
    const b = n.box;
    ctx.strokeStyle = MARKER_COLOUR;
    ctx.lineWidth = Math.max(1.5, fontPx / 8);
    ctx.setLineDash([fontPx / 2, fontPx / 3]);
    ctx.beginPath();
    ctx.roundRect(b.minX, b.minY, b.maxX - b.minX, b.maxY - b.minY, Math.min(fontPx / 3, (b.maxX - b.minX) / 2, (b.maxY - b.minY) / 2));
    ctx.stroke();
    ctx.setLineDash([]);
  }
  for (const n of notes) badge(ctx, n.box.minX, n.box.minY, r, n.number, fontPx);
}

function badge(ctx: Canvas2D, x: number, y: number, r: number, n: number, fontPx: number): void {
  ctx.fillStyle = MARKER_COLOUR;
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = r * 0.16;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const label = String(n);
  ctx.font = `700 ${(label.length > 2 ? 0.7 : 0.85) * fontPx}px ${TEXT_FONT_FAMILY}`;
  ctx.fillText(label, x, y + fontPx * 0.04);
}

function drawLegend(ctx: Canvas2D, legend: Legend, x0: number, y0: number): void {
  ctx.save();
  ctx.translate(x0, y0);
  for (const block of legend.blocks) {
    badge(ctx, block.badge.x, block.badge.y, block.badge.r, block.number, legend.fontPx);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    for (const line of block.lines) {
      const speaker = line.tone === 'speaker';
      ctx.fillStyle = speaker ? LEGEND_MUTED : LEGEND_INK;
      ctx.font = fontOf(speaker ? legend.fontPx * 0.85 : legend.fontPx);
      ctx.fillText(line.text, line.x, line.y);
    }
  }
  ctx.restore();
}

/** Encodes a canvas as PNG (or JPEG, for PDF pages). */
export async function encodeCanvas(canvas: AnyCanvas, type: 'image/png' | 'image/jpeg' = 'image/png', quality?: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('This browser could not make the image.'))), type, quality));
}
