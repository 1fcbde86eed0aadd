/** The projector's list of notes (no hover on a wall): number, words and who said it, large. */
import type { Ref } from 'react';
import type { NoteScene } from '../../editor/noteScene';
import type { Box } from '../../geometry/box';
import { useNotes } from './useNotes';
import './notes.css';

/** More would cover the drawing; the rest are on everyone's Notes panel. */
const SHOWN = 8;

interface Props {
  notes: NoteScene;
  /** Distance from the top of the screen (under the projector's header). */
  top: number;
  /** Measures the legend (the projector fits the drawing beside it). */
  ref?: Ref<HTMLElement>;
  /** A spotlighted easel's box: only the notes on it are listed. */
  within?: Box | null;
}

const inside = (b: Box, w: Box): boolean => {
  const x = (b.minX + b.maxX) / 2, y = (b.minY + b.maxY) / 2;
  return x >= w.minX && x <= w.maxX && y >= w.minY && y <= w.maxY;
};

export function NotesLegend({ notes, top, ref, within = null }: Props) {
  const all = useNotes(notes);
  const placed = within ? all.filter((p) => p.box && inside(p.box, within)) : all;
  if (placed.length === 0) return null;
  return (
    <aside className="notes-legend" aria-label="Notes" ref={ref} style={{ top, maxHeight: `calc(100% - ${top + 24}px)` }}>
      <ol>
        {placed.slice(0, SHOWN).map(({ note, speakerName }) => (
          <li key={note.id}>
            <span className="note-num">{note.number}</span>
            <span className="notes-legend-body">
              <span className="notes-legend-text">{note.text}</span>
              {speakerName && <span className="notes-legend-speaker">— {speakerName}</span>}
            </span>
          </li>
        ))}
      </ol>
      {placed.length > SHOWN && <p className="notes-legend-more">and {placed.length - SHOWN} more</p>}
    </aside>
  );
}
