/**
 * Canvas 2d draw routines for each item kind. The caller sets the board -> device transform
 * (uniform scale `k` = zoom x devicePixelRatio); each routine places its item by its own
 * x, y, rotation (and scale for strokes) and draws from the entry's caches.
 */
import type { Item } from '../../model/schema';
import type { SceneEntry } from '../inkIndex';
import { arrowBarbs } from '../../geometry/outline';
import { STICKY_SHADOW } from './bounds';
import { fontOf } from './textLayout';
import { drawImageItem } from './drawImage';
import type { ImageSource } from '../images/imageCache';
import { fillInk, minBoardWidth, scaleOf } from './minInk';

/** How the bitmap should show particular items right now (editor state). */
export interface DrawLook {
  /** Items the eraser is about to remove: drawn faded. */
  fading: ReadonlySet<string>;
  /** The text item or sticky being edited in place: its text is hidden (the editor shows it). */
  editingId: string | null;
  /** Decoded pictures (absent: pictures show their placeholder). */
  images?: ImageSource;
  /** Thinnest ink and lines on screen, device px (the projector, see minInk.ts); absent: true widths. */
  minInk?: number;
}

export const NO_LOOK: DrawLook = { fading: new Set(), editingId: null };

export const HIGHLIGHTER_ALPHA = 0.38;
/**
 * Below this many device pixels per board pixel, strokes are drawn as their simplified centre line
 * (a 4 px stroke is under 1.2 device px there: its pressure outline cannot be seen).
 */
export const LOD_BELOW_K = 0.3;
/** The centre line's width relative to the nominal stroke width (the outline averages thinner). */
const LOD_WIDTH = 0.95;
export const FADED_ALPHA = 0.22;
/** Alpha of a shape's "light" fill. */
export const LIGHT_FILL_ALPHA = 0.16;
/** Text on sticky notes: the darkest ink, readable on every paper colour. */
export const STICKY_INK = '#1f2328';
const STICKY_RADIUS = 3;

function place(ctx: CanvasRenderingContext2D, item: Item): void {
  ctx.translate(item.x, item.y);
  if (item.rotation) ctx.rotate((item.rotation * Math.PI) / 180);
  if (item.kind === 'stroke' && (item.scaleX !== 1 || item.scaleY !== 1)) ctx.scale(item.scaleX, item.scaleY);
}

/** Draws one entry; `k` is device pixels per board pixel (shadows are in device pixels). */
export function drawEntry(ctx: CanvasRenderingContext2D, entry: SceneEntry, k: number, look: DrawLook): void {
  const item = entry.item;
  const lod = item.kind === 'stroke' && k < LOD_BELOW_K && entry.lod !== null;
  // Board px (in the item's own frame) that show as the floor; 0 without one.
  const minBoard = look.minInk ? minBoardWidth(look.minInk, item.kind === 'stroke' ? k * scaleOf(item.scaleX, item.scaleY) : k) : 0;
  // The common case, a plain stroke: no save/restore, just a translate there and back.
  if (item.kind === 'stroke' && item.tool === 'pen' && !item.rotation && item.scaleX === 1 && item.scaleY === 1 && !look.fading.has(item.id)) {
    ctx.translate(item.x, item.y);
    if (lod) strokeLod(ctx, entry, item.color, item.width, minBoard);
    else {
      ctx.fillStyle = item.color;
      if (minBoard > 0) fillInk(ctx, entry.path!, entry.lod, item.width, minBoard, false);
      else ctx.fill(entry.path!);
    }
    ctx.translate(-item.x, -item.y);
    return;
  }
  ctx.save();
  if (look.fading.has(item.id)) ctx.globalAlpha = FADED_ALPHA;
  place(ctx, item);
  switch (item.kind) {
    case 'stroke':
      if (item.tool === 'highlighter') ctx.globalAlpha *= HIGHLIGHTER_ALPHA;
      if (lod) strokeLod(ctx, entry, item.color, item.width, minBoard);
      else {
        ctx.fillStyle = item.color;
        if (minBoard > 0) fillInk(ctx, entry.path!, entry.lod, item.width, minBoard, ctx.globalAlpha < 1);
        else ctx.fill(entry.path!);
      }
      break;
    case 'shape':
      drawShape(ctx, item, minBoard);
      break;
    case 'text':
      if (item.id !== look.editingId) drawText(ctx, entry, item.color, 'left', 0, 0);
      break;
    case 'sticky':
      drawSticky(ctx, entry, k, item.id === look.editingId);
      break;
    case 'image':
      drawImageItem(ctx, item, k, look.images?.get(item.blob) ?? { status: 'loading' });
      break;
  }
  ctx.restore();
}

function strokeLod(ctx: CanvasRenderingContext2D, entry: SceneEntry, color: string, width: number, minBoard: number): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = Math.max(width * LOD_WIDTH, minBoard);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.stroke(entry.lod!);
}

function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(alpha * 255).toString(16).padStart(2, '0');
  return `${hex}${a}`;
}

/** `minWidth`: the thinnest outline to draw, board px (the projector's floor; 0: true width). */
export function drawShape(ctx: CanvasRenderingContext2D, s: Extract<Item, { kind: 'shape' }>, minWidth = 0): void {
  ctx.lineWidth = Math.max(s.width, minWidth);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.strokeStyle = s.color;
  ctx.beginPath();
  switch (s.shape) {
    case 'rect': {
      const r = Math.min(s.width * 1.5, Math.abs(s.w) / 2, Math.abs(s.h) / 2);
      ctx.roundRect(0, 0, s.w, s.h, r);
      break;
    }
    case 'ellipse':
      ctx.ellipse(s.w / 2, s.h / 2, Math.abs(s.w) / 2, Math.abs(s.h) / 2, 0, 0, Math.PI * 2);
      break;
    case 'line':
    case 'arrow':
      ctx.moveTo(0, 0);
      ctx.lineTo(s.w, s.h);
      break;
  }
  if ((s.shape === 'rect' || s.shape === 'ellipse') && s.fill !== 'none') {
    ctx.fillStyle = s.fill === 'semi' ? withAlpha(s.color, LIGHT_FILL_ALPHA) : s.color;
    ctx.fill();
  }
  ctx.stroke();
  if (s.shape === 'arrow') {
    if (s.w !== 0 || s.h !== 0) {
      const [l, r] = arrowBarbs(s.w, s.h, s.width);
      ctx.beginPath();
      ctx.moveTo(l.x, l.y);
      ctx.lineTo(s.w, s.h);
      ctx.lineTo(r.x, r.y);
      ctx.stroke();
    }
  }
}

/** Lines of a laid-out text, from (x0, y0) in the item's frame. */
function drawText(ctx: CanvasRenderingContext2D, entry: SceneEntry, color: string, align: 'left' | 'center', x0: number, y0: number, boxWidth = 0): void {
  const layout = entry.text;
  if (!layout) return;
  ctx.fillStyle = color;
  ctx.font = fontOf(layout.fontPx);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (let i = 0; i < layout.lines.length; i++) {
    const line = layout.lines[i]!;
    if (line === '') continue;
    const x = align === 'center' ? x0 + (boxWidth - layout.widths[i]!) / 2 : x0;
    ctx.fillText(line, x, y0 + (i + 0.5) * layout.lineHeight + layout.fontPx * 0.04);
  }
}

function drawSticky(ctx: CanvasRenderingContext2D, entry: SceneEntry, k: number, hideText: boolean): void {
  const item = entry.item as Extract<Item, { kind: 'sticky' }>;
  const { w, h } = item;
  // Two shadows: a wide, faint one (the note floats a little) and a tight contact shadow.
  ctx.fillStyle = item.color;
  ctx.shadowColor = 'rgba(40, 32, 10, 0.16)';
  ctx.shadowBlur = STICKY_SHADOW.blur * k;
  ctx.shadowOffsetY = STICKY_SHADOW.offsetY * k;
  ctx.beginPath();
  ctx.roundRect(0, 0, w, h, STICKY_RADIUS);
  ctx.fill();
  ctx.shadowColor = 'rgba(40, 32, 10, 0.14)';
  ctx.shadowBlur = 1.5 * k;
  ctx.shadowOffsetY = 0.75 * k;
  ctx.fill();
  ctx.shadowColor = 'transparent';
  if (hideText || !entry.text) return;
  const layout = entry.text;
  const pad = layout.padding;
  const innerH = h - 2 * pad;
  // Centred, like a note someone wrote in the middle of; text that overflows starts at the top.
  const y0 = pad + Math.max(0, (innerH - layout.height) / 2);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, w, h);
  ctx.clip();
  drawText(ctx, entry, STICKY_INK, 'center', pad, y0, w - 2 * pad);
  ctx.restore();
}
