/**
 * Notes as an export shows them: each one's region on the board, its words and who said it,
 * numbered in the notes' own order among those that fall inside the exported region.
 */
import { boxesIntersect, type Box } from '../geometry/box';
import type { LegendNote } from './legend';

export interface ExportNote {
  id: string;
  /** The region the note describes, board px. */
  box: Box;
  text: string;
  /** Who said it, as a name to print ("anonymous" where the board hides names). */
  speaker: string;
  /** Fractional index: notes are numbered in this order. */
  order: string;
}

export interface NumberedNote extends ExportNote {
  number: number;
}

/** The notes that meet `region`, numbered 1.. in their order. */
export function numberNotes(notes: readonly ExportNote[], region: Box): NumberedNote[] {
  return notes
    .filter((n) => boxesIntersect(n.box, region))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((n, i) => ({ ...n, number: i + 1 }));
}

export function legendNotes(notes: readonly NumberedNote[]): LegendNote[] {
  return notes.map((n) => ({ number: n.number, text: n.text, speaker: n.speaker }));
}
