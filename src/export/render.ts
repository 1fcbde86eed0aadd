/**
 * Draws a region of the board from the document: items (the canvas's own draw routines),
 * pictures, numbered note markers and the legend, at 1x/2x/3x on white or transparent. Runs in
 * slices (see slicer.ts) with progress and cancel, and draws in horizontal bands of a few
 * megapixels handed to an image sink (encode.ts) one by one: a whole-board image is ~50 MP, and
 * allocating one canvas that big is a 100+ ms task by itself.
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
import { context2d, makeCanvas, type AnyCanvas, type Canvas2D } from './canvas2d';
import { imageSink, type ImageType } from './encode';

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
  /** Most pixels drawn in one band (tests set it low to check that bands join seamlessly). */
  bandPixels?: number;
}

/** A loaded picture by its blob hash (null: could not be loaded, a placeholder is drawn). */
export type ImageSourceMap = ReadonlyMap<string, CanvasImageSource | null>;

/** The board's note colour (canvas/NotesLayer.tsx), so an export marks notes as the board does. */
export const MARKER_COLOUR = '#6741d9';
const MARKER_FILL = 'rgba(103, 65, 217, 0.07)';
const LEGEND_INK = '#1f2328';
const LEGEND_MUTED = '#57606a';
/**
 * Most pixels in one band: allocating and painting it white stays a ~15 ms step, and an easel at
 * 2x (about 6 MP) is one band.
 */
const BAND_PIXELS = 8_000_000;

export interface RenderedRegion {
  /** The encoded image. */
  blob: Blob;
  layout: ImageLayout;
  notes: NumberedNote[];
}

/**
 * Renders `entries` that meet `region` (items outside it are clipped away: an easel's export shows
 * the easel, not its neighbours' ink) and encodes the image. Notes meeting the region are numbered
 * and listed.
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
  encoding: { type: ImageType; quality?: number } = { type: 'image/png' },
): Promise<RenderedRegion> {
  const numbered = opts.notes ? numberNotes(notes, region) : [];
  const layout = layoutImage(region, opts, opts.notes && opts.legend !== false ? legendNotes(numbered) : null, measure);
  const r = layout.region;
  const k = layout.scale;
  const inView = entries.filter((e) => boxesIntersect(entryBox(e), r));
  const look: DrawLook = { ...NO_LOOK, images: pictureSource(images) };
  const rows = Math.max(1, Math.floor((opts.bandPixels ?? BAND_PIXELS) / layout.width));
  const sink = imageSink(layout.width, layout.height);
  try {
    let done = 0;
    for (let top = 0; top < layout.height; top += rows) {
      await slicer.tick();
      const canvas = await drawBand(top, Math.min(rows, layout.height - top));
      sink.add(canvas, top);
    }
    onProgress(1);
    await slicer.yield();
    const blob = await sink.finish(encoding.type, encoding.quality);
    slicer.throwIfAborted();
    return { blob, layout, notes: numbered };

    // One band: its rows of the image, with the items (board px) that reach into them.
    async function drawBand(top: number, height: number): Promise<AnyCanvas> {
      const canvas = makeCanvas(layout.width, height);
      const ctx = context2d(canvas);
      // A one-pixel read makes the canvas rasterise what was drawn so far, inside this slice.
      slicer.beforeYield = () => ctx.getImageData(0, 0, 1, 1);
      if (opts.background === 'white') {
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, layout.width, height);
      }
      ctx.save();
      ctx.translate(0, -top);
      ctx.beginPath();
      ctx.rect(layout.origin.x, layout.origin.y, (r.maxX - r.minX) * k, (r.maxY - r.minY) * k);
      ctx.clip();
      ctx.setTransform(k, 0, 0, k, layout.origin.x - r.minX * k, layout.origin.y - r.minY * k - top);
      // The band's rows on the board, two pixels wider each way (antialiasing reaches past a box).
      const minY = r.minY + (top - layout.origin.y - 2) / k;
      const maxY = r.minY + (top + height - layout.origin.y + 2) / k;
      for (const e of inView) {
        const b = entryBox(e);
        if (b.maxY < minY || b.minY > maxY) continue;
        await slicer.tick();
        // Items across a band edge are drawn twice: the count can pass the total a little.
        if (done++ % 64 === 0) onProgress(Math.min(0.99, done / Math.max(1, inView.length)));
        prepare(e);
        drawEntry(ctx as CanvasRenderingContext2D, e.entry, k, look);
      }
      if (numbered.length) drawMarkers(ctx, numbered, legendFontPx(r.maxX - r.minX));
      ctx.restore();
      const legend = layout.legend;
      if (legend && legend.y < top + height && legend.y + legend.height > top && legend.x < layout.width) {
        ctx.save();
        ctx.translate(0, -top);
        drawLegend(ctx, legend, legend.x, legend.y);
        ctx.restore();
      }
      await slicer.yield();
      slicer.beforeYield = null;
      return canvas;
    }
  } catch (err) {
    slicer.beforeYield = null;
    sink.drop();
    throw err;
  }
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
