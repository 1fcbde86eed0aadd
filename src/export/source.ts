/**
 * What an export reads: the board's items and pictures, its easels and its notes with their
 * regions on the board and their speakers' names, straight from the document.
 *
 * Easels and notes are read with the model's own readers (`model/easels.ts`, `model/annotations.ts`)
 * and a note is placed with `annotationBox`, as the canvas places it.
 */
import type { Box } from '../geometry/box';
import type { Measure } from '../geometry/textLayout';
import { annotationBox, readAnnotations } from '../model/annotations';
import type { Board } from '../model/board';
import { easelBox, readEasels } from '../model/easels';
import type { BoardMeta, Easel } from '../model/schema';
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

/** Where an easel is on the board. */
export const EASEL_BOX = easelBox;

/** The easel an area sits on (the one that holds its centre). */
export function easelAt(easels: readonly Easel[], b: Box): Easel | undefined {
  const cx = (b.minX + b.maxX) / 2, cy = (b.minY + b.maxY) / 2;
  return easels.find((e) => cx >= e.x && cx <= e.x + e.w && cy >= e.y && cy <= e.y + e.h);
}

export const ANONYMOUS = 'anonymous';

/** Reads everything an export needs from a board. */
export function readSource(board: Board, measure: Measure, opts: { participantCount?: number; hideNames?: boolean } = {}): ExportSource {
  const items: Drawable[] = board.allItems();
  const easels = readEasels(board.doc);
  const byId = new Map(easels.map((e) => [e.id, e]));
  // A target's box: an easel's, or an item's own extent placed on the board (its selection box).
  const targetBox = (id: string): Box | null => {
    const easel = byId.get(id);
    if (easel) return easelBox(easel);
    const item = board.getItem(id);
    const entry = item ? exportEntry(item, measure) : null;
    return entry && item ? placeBox(entry.entry.frame, item) : null;
  };
  const hideNames = opts.hideNames ?? false;
  const notes: ExportNote[] = [];
  for (const a of readAnnotations(board.doc)) {
    const box = annotationBox(a, a.target ? targetBox(a.target) : null);
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
