/**
 * The handout's easel page, as pure layout (points; measuring injected, so it is tested in node):
 * the drawing's box beside a notes column, and the notes set in the largest type from 12 pt down
 * to 7 pt at which they all fit the column.
 */
import { wrapLines, type Measure } from '../geometry/textLayout';
import type { NumberedNote } from './notes';

/** A4 landscape, in points. */
export const PAGE = { width: 842, height: 595, margin: 40 } as const;
/** The notes column and the drawing's box on an easel page (points). */
export const NOTES_WIDTH = 240;
export const IMAGE_BOX = { width: PAGE.width - 2 * PAGE.margin - NOTES_WIDTH - 24, height: PAGE.height - 2 * PAGE.margin - 40 } as const;

export const NOTE_LEADING = 1.3;

export interface NoteBlock {
  number: number;
  words: string[];
  speaker: string[];
}

export interface NotesColumn {
  /** Type size of the words (the speaker line is 0.85 of it). */
  size: number;
  /** Where the words start, right of the number badge. */
  indent: number;
  blocks: NoteBlock[];
  /** How many blocks fit the column (the rest are left to the board file). */
  fits: number;
  height: number;
}

/** Text a PDF font can lay out: no control characters (tabs become spaces). */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}

function layoutAt(notes: readonly NumberedNote[], width: number, size: number, measure: Measure): Omit<NotesColumn, 'fits'> {
  const indent = size * 2.2;
  const blocks = notes.map((n) => ({
    number: n.number,
    words: wrapLines(printable(n.text.trim() || '(no words)'), size, width - indent, measure),
    speaker: n.speaker ? wrapLines(printable(`— ${n.speaker}`), size * 0.85, width - indent, measure) : [],
  }));
  const height = blocks.reduce((h, b) => h + blockHeight(b, size), 0);
  return { size, indent, blocks, height };
}

export function blockHeight(b: NoteBlock, size: number): number {
  return (b.words.length + b.speaker.length) * size * NOTE_LEADING + size * 0.8;
}

export function layoutNotesColumn(notes: readonly NumberedNote[], width: number, height: number, measure: Measure): NotesColumn {
  let size = 12;
  let l = layoutAt(notes, width, size, measure);
  while (l.height > height && size > 7) l = layoutAt(notes, width, (size -= 0.5), measure);
  let fits = 0;
  let used = 0;
  for (const b of l.blocks) {
    used += blockHeight(b, l.size);
    if (used - l.size * 0.8 > height) break;
    fits++;
  }
  return { ...l, fits };
}
