/**
 * Draws a region of the board from the document into a canvas: items (the canvas's own draw
 * routines), pictures, numbered note markers and the legend, at 1x/2x/3x on white or transparent.
 * Runs in slices (see slicer.ts) with progress and cancel.
 */
import { boxesIntersect, type Box } from '../geometry/box';
import { TEXT_FONT_FAMILY, type Measure } from '../geometry/textLayout';
import { drawEntry, NO_LOOK, type DrawLook } from '../canvas/scene/draw';
import type { ImageSource } from '../canvas/images/imageCache';
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

/** The board's note colour (canvas/NotesLayer.tsx), so an export marks notes as the board does. */
export const MARKER_COLOUR = '#6741d9';
const MARKER_FILL = 'rgba(103, 65, 217, 0.07)';
const LEGEND_INK = '#1f2328';
const LEGEND_MUTED = '#57606a';
/** Pixels painted white per slice before drawing (about 10 ms of software raster). */
const FILL_BAND_PIXELS = 4_000_000;

export function makeCanvas(width: number, height: number): AnyCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

export function context2d(canvas: AnyCanvas): Canvas2D {
  // Read back once per slice (see renderRegion): a CPU canvas makes those reads cheap.
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as Canvas2D | null;
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
  await slicer.tick();
  const canvas = makeCanvas(layout.width, layout.height);
  const ctx = context2d(canvas);
  // A one-pixel read makes the canvas rasterise what was drawn so far, inside this slice.
  slicer.beforeYield = () => ctx.getImageData(0, 0, 1, 1);
  if (opts.background === 'white') {
    ctx.fillStyle = '#ffffff';
    // In bands of a few megapixels, each in its own slice: painting 50 MP white at once is a
    // 100-200 ms task on a laptop.
    const band = Math.max(1, Math.floor(FILL_BAND_PIXELS / layout.width));
    for (let y = 0; y < layout.height; y += band) {
      ctx.fillRect(0, y, layout.width, Math.min(band, layout.height - y));
      await slicer.yield();
    }
  }
  const r = layout.region;
  const k = layout.scale;
  ctx.save();
  ctx.beginPath();
  ctx.rect(layout.origin.x, layout.origin.y, (r.maxX - r.minX) * k, (r.maxY - r.minY) * k);
  ctx.clip();
  ctx.setTransform(k, 0, 0, k, layout.origin.x - r.minX * k, layout.origin.y - r.minY * k);
  // Pictures come from the preloaded map, drawn by the canvas's own routine (its shadow and edge).
  const look: DrawLook = { ...NO_LOOK, images: pictureSource(images) };
  const inView = entries.filter((e) => boxesIntersect(entryBox(e), r));
  for (let i = 0; i < inView.length; i++) {
    await slicer.tick();
    if (i % 64 === 0) onProgress(i / Math.max(1, inView.length));
    const e = inView[i]!;
    prepare(e);
    drawEntry(ctx as CanvasRenderingContext2D, e.entry, k, look);
  }
  if (numbered.length) drawMarkers(ctx, numbered, legendFontPx(r.maxX - r.minX));
  ctx.restore();
  if (layout.legend) drawLegend(ctx, layout.legend, layout.legend.x, layout.legend.y);
  await slicer.yield();
  slicer.beforeYield = null;
  onProgress(1);
  return { canvas, layout, notes: numbered };
}

/** The preloaded pictures as the canvas's image source: ready, or failed (a grey card). */
function pictureSource(images: ImageSourceMap): ImageSource {
  return {
    get: (hash) => {
      const source = images.get(hash);
      if (!source) return { status: 'error', message: 'Photo not available' };
      const size = source as { width: number; height: number };
      return { status: 'ready', source, width: size.width, height: size.height };
    },
    onChange: () => () => {},
  };
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
    ctx.fillStyle = MARKER_FILL;
    ctx.fill();
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

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (b: Blob) => void; reject: (e: Error) => void }>();

/** The encoding worker, or null where workers cannot encode (then the page encodes). */
function encoder(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./encodeWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; blob?: Blob; error?: string }>) => {
      const w = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (e.data.blob) w?.resolve(e.data.blob);
      else w?.reject(new Error(e.data.error ?? 'encoding failed'));
    };
    worker.onerror = () => {
      for (const w of waiting.values()) w.reject(new Error('the encoding worker stopped'));
      waiting.clear();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

async function encodeHere(canvas: AnyCanvas, type: 'image/png' | 'image/jpeg', quality?: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('This browser could not make the image.'))), type, quality));
}

/**
 * Encodes a canvas as PNG (or JPEG, for PDF pages), in a worker where possible: the canvas's pixels
 * move there as an ImageBitmap (the canvas is left empty), so the page stays responsive.
 */
export async function encodeCanvas(canvas: AnyCanvas, type: 'image/png' | 'image/jpeg' = 'image/png', quality?: number): Promise<Blob> {
  const w = 'transferToImageBitmap' in canvas ? encoder() : null;
  if (!w) return encodeHere(canvas, type, quality);
  const bitmap = (canvas as OffscreenCanvas).transferToImageBitmap();
  const id = nextId++;
  try {
    return await new Promise<Blob>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.postMessage({ id, bitmap, type, quality }, [bitmap]);
    });
  } catch {
    // The pixels went to the worker with the request: nothing to fall back on for this image.
    throw new Error('The image could not be saved. Please try again.');
  }
}
