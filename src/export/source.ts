/**
 * What an export reads: the board's items and pictures, its easels and its notes with their
 * regions on the board and their speakers' names, straight from the document.
 *
 * Easels (`frames`) and notes (`annotations`) are read leniently here: a malformed entry is skipped.
 */
import * as Y from 'yjs';
import type { Box } from '../geometry/box';
import type { Measure } from '../geometry/textLayout';
import type { Board } from '../model/board';
import { readItem } from '../model/readItem';
import { IMAGE_TYPES, type Annotation, type BoardMeta, type Easel, type ImageItem, type ImageType } from '../model/schema';
import { placeBox } from '../canvas/scene/bounds';
import type { ExportNote } from './notes';
import { exportEntry, type Drawable } from './scene';

export interface ExportSource {
  meta: BoardMeta;
  /** Items and pictures, any order. */
  items: Drawable[];
  easels: Easel[];
  notes: ExportNote[];
  /** People who took part (for the handout's cover). */
  participantCount: number;
  /** The board hides artists' names: easels and speakers print as "anonymous". */
  hideNames: boolean;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): v is string => typeof v === 'string';

export function readEasel(id: string, value: unknown): Easel | null {
  if (!(value instanceof Y.Map)) return null;
  const m = value as Y.Map<unknown>;
  const [owner, name, slot, x, y, w, h] = ['owner', 'name', 'slot', 'x', 'y', 'w', 'h'].map((k) => m.get(k));
  if (!str(owner) || !str(name) || !num(slot) || !num(x) || !num(y) || !num(w) || !num(h) || w <= 0 || h <= 0) return null;
  return { id, owner, name, slot, x, y, w, h };
}

export function readAnnotation(id: string, value: unknown): Annotation | null {
  if (!(value instanceof Y.Map)) return null;
  const m = value as Y.Map<unknown>;
  const text = m.get('text');
  const t = text instanceof Y.Text ? text.toString() : text;
  const [author, target, rx, ry, rw, rh, speaker, order] = ['author', 'target', 'rx', 'ry', 'rw', 'rh', 'speaker', 'order'].map((k) => m.get(k));
  if (!str(author) || !str(target) || !num(rx) || !num(ry) || !num(rw) || !num(rh) || !str(t) || !str(order)) return null;
  return { id, author, target, rx, ry, rw, rh, text: t, speaker: str(speaker) ? speaker : '', order };
}

export function readImage(id: string, value: unknown): ImageItem | null {
  if (!(value instanceof Y.Map)) return null;
  const m = value as Y.Map<unknown>;
  if (m.get('kind') !== 'image') return null;
  const [author, index, x, y, blob, mime, pw, ph, w, h] = ['author', 'index', 'x', 'y', 'blob', 'mime', 'pw', 'ph', 'w', 'h'].map((k) => m.get(k));
  const rotation = m.get('rotation') ?? 0;
  if (!str(author) || !str(index) || !num(x) || !num(y) || !num(rotation) || !str(blob) || !/^[0-9a-f]{64}$/.test(blob)) return null;
  if (!IMAGE_TYPES.includes(mime as ImageType) || !num(pw) || !num(ph) || !num(w) || !num(h) || w <= 0 || h <= 0) return null;
  return { id, kind: 'image', author, index, x, y, rotation, blob, mime: mime as ImageType, pw, ph, w, h };
}

/** Every easel, in slot order. */
export function readEasels(doc: Y.Doc): Easel[] {
  const out: Easel[] = [];
  doc.getMap<unknown>('frames').forEach((v, id) => {
    const e = readEasel(id, v);
    if (e) out.push(e);
  });
  return out.sort((a, b) => a.slot - b.slot || (a.id < b.id ? -1 : 1));
}

export function readAnnotations(doc: Y.Doc): Annotation[] {
  const out: Annotation[] = [];
  doc.getMap<unknown>('annotations').forEach((v, id) => {
    const a = readAnnotation(id, v);
    if (a) out.push(a);
  });
  return out;
}

/** Items the board model reads, plus pictures (when the model does not list them itself). */
export function readDrawables(board: Board): Drawable[] {
  const items: Drawable[] = board.allItems();
  const seen = new Set(items.map((i) => i.id));
  board.items.forEach((v, id) => {
    if (seen.has(id)) return;
    const img = readItem(id, v) ? null : readImage(id, v);
    if (img) items.push(img);
  });
  return items;
}

export const EASEL_BOX = (e: Easel): Box => ({ minX: e.x, minY: e.y, maxX: e.x + e.w, maxY: e.y + e.h });

/** The easel an area sits on (the one that holds its centre). */
export function easelAt(easels: readonly Easel[], b: Box): Easel | undefined {
  const cx = (b.minX + b.maxX) / 2, cy = (b.minY + b.maxY) / 2;
  return easels.find((e) => cx >= e.x && cx <= e.x + e.w && cy >= e.y && cy <= e.y + e.h);
}

/**
 * A note's region on the board: fractions of its target's box (an easel's box, or an item's own
 * extent placed on the board), or board px without a target. Null when the target is gone.
 */
export function noteBox(a: Annotation, easels: ReadonlyMap<string, Easel>, itemFrame: (id: string) => Box | null): Box | null {
  if (a.target === '') return { minX: a.rx, minY: a.ry, maxX: a.rx + Math.max(0, a.rw), maxY: a.ry + Math.max(0, a.rh) };
  const easel = easels.get(a.target);
  const target = easel ? EASEL_BOX(easel) : itemFrame(a.target);
  if (!target) return null;
  const w = target.maxX - target.minX, h = target.maxY - target.minY;
  return { minX: target.minX + a.rx * w, minY: target.minY + a.ry * h, maxX: target.minX + (a.rx + a.rw) * w, maxY: target.minY + (a.ry + a.rh) * h };
}

export const ANONYMOUS = 'anonymous';

/** Reads everything an export needs from a board. */
export function readSource(board: Board, measure: Measure, opts: { participantCount?: number; hideNames?: boolean } = {}): ExportSource {
  const items = readDrawables(board);
  const easels = readEasels(board.doc);
  const byId = new Map(easels.map((e) => [e.id, e]));
  const itemsById = new Map(items.map((i) => [i.id, i]));
  const itemFrame = (id: string): Box | null => {
    const item = itemsById.get(id);
    if (!item) return null;
    const entry = exportEntry(item, measure);
    if (!entry) return null;
    return entry.kind === 'image' ? entry.box : placeBox(entry.entry.frame, item);
  };
  const hideNames = opts.hideNames ?? false;
  const notes: ExportNote[] = [];
  for (const a of readAnnotations(board.doc)) {
    const box = noteBox(a, byId, itemFrame);
    if (!box) continue;
    const artist = byId.get(a.target)?.name ?? easelAt(easels, box)?.name ?? '';
    const speaker = hideNames ? ANONYMOUS : a.speaker || artist;
    notes.push({ id: a.id, box, text: a.text, speaker, order: a.order });
  }
  const authors = new Set(items.map((i) => i.author));
  return {
    meta: board.getMeta(),
    items,
    easels: hideNames ? easels.map((e) => ({ ...e, name: ANONYMOUS })) : easels,
    notes,
    participantCount: opts.participantCount ?? Math.max(easels.length, authors.size),
    hideNames,
  };
}
