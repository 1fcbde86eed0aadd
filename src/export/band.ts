/**
 * One band of an exported image: the rows [top, top + height) drawn from the scene (items by the
 * canvas's own routines, pictures, note markers, the legend). The page draws a band into a canvas
 * as tall as the band; the worker draws its bands straight into the whole image. Both run the same
 * code, so the bands join without a seam. A generator: it pauses after the band's first paint and
 * after each item, so the page can give the event loop a turn (the worker just runs it through).
 *
 * No model or Yjs imports here: the encoding worker bundles this file.
 */
import { TEXT_FONT_FAMILY } from '../geometry/textLayout';
import { drawEntry, NO_LOOK, type DrawLook } from '../canvas/scene/draw';
import type { ImageSource } from '../canvas/images/imageCache';
import { fontOf } from '../canvas/scene/textLayout';
import { strokePath } from '../canvas/strokeOutline';
import { decodePoints } from '../model/strokeCodec';
import type { Canvas2D } from './canvas2d';
import { legendFontPx, type ImageLayout } from './layout';
import type { Legend } from './legend';
import type { NumberedNote } from './notes';
import type { ExportEntry } from './scene';

export type Background = 'white' | 'transparent';

/** A loaded picture by its blob hash (null: could not be loaded, a placeholder is drawn). */
export type ImageSourceMap = ReadonlyMap<string, CanvasImageSource | null>;

/** The board's note colour (canvas/NotesLayer.tsx), so an export marks notes as the board does. */
export const MARKER_COLOUR = '#6741d9';
const MARKER_FILL = 'rgba(103, 65, 217, 0.07)';
const LEGEND_INK = '#1f2328';
const LEGEND_MUTED = '#57606a';

export interface BandScene {
  /** The entries that meet the layout's region, in drawing order. */
  entries: readonly ExportEntry[];
  layout: ImageLayout;
  /** Numbered notes to mark on the drawing (empty without notes). */
  notes: readonly NumberedNote[];
  background: Background;
  images: ImageSourceMap;
}

/** Builds a stroke's outline (decoding its points again: cheaper than keeping 10,000 buffers). */
export function prepare(entry: ExportEntry): void {
  const { item } = entry.entry;
  if (item.kind === 'stroke' && entry.entry.path === null) {
    entry.entry.path = strokePath(decodePoints(item.points), item.width, 0, 0, true, item.tool === 'highlighter');
  }
}

/**
 * Draws rows [top, top + height) of the image into `ctx`, whose row 0 is the image's row
 * `canvasTop` (the band's own top on the page; 0 in the worker's whole image). Draws nothing
 * outside those rows.
 */
export function* drawBand(ctx: Canvas2D, scene: BandScene, top: number, height: number, canvasTop: number): Generator<'filled' | undefined, void, void> {
  const { layout } = scene;
  const r = layout.region;
  const k = layout.scale;
  const dy = -canvasTop;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, top + dy, layout.width, height);
  ctx.clip();
  if (scene.background === 'white') {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, top + dy, layout.width, height);
  }
  // A fresh band's first paint (its pixels are allocated here) is worth a slice of its own.
  yield 'filled';
  ctx.save();
  ctx.beginPath();
  ctx.rect(layout.origin.x, layout.origin.y + dy, (r.maxX - r.minX) * k, (r.maxY - r.minY) * k);
  ctx.clip();
  ctx.setTransform(k, 0, 0, k, layout.origin.x - r.minX * k, layout.origin.y - r.minY * k + dy);
  // Pictures come from the preloaded map, drawn by the canvas's own routine (its shadow and edge).
  const look: DrawLook = { ...NO_LOOK, images: pictureSource(scene.images) };
  // The band's rows on the board, two pixels wider each way (antialiasing reaches past a box).
  const minY = r.minY + (top - layout.origin.y - 2) / k;
  const maxY = r.minY + (top + height - layout.origin.y + 2) / k;
  for (const e of scene.entries) {
    const b = e.entry.box;
    if (b.maxY < minY || b.minY > maxY) continue;
    prepare(e);
    drawEntry(ctx as CanvasRenderingContext2D, e.entry, k, look);
    yield undefined;
  }
  if (scene.notes.length) drawMarkers(ctx, scene.notes, legendFontPx(r.maxX - r.minX));
  ctx.restore();
  const legend = layout.legend;
  if (legend && legend.y < top + height && legend.y + legend.height > top) {
    ctx.save();
    ctx.translate(0, dy);
    drawLegend(ctx, legend, legend.x, legend.y);
    ctx.restore();
  }
  ctx.restore();
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
