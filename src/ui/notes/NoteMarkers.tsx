/**
 * The notes' markers as buttons over the canvas (the canvas draws them; these make them hoverable,
 * tappable and reachable by keyboard): hovering, focusing or tapping one shows the note with who
 * said it. Text is rendered as text only (never markup), line breaks kept.
 */
import { useState, useSyncExternalStore } from 'react';
import type { Editor } from '../../editor/editor';
import type { NoteScene } from '../../editor/noteScene';
import { boardToScreen } from '../../geometry/camera';
import { useNotes } from './useNotes';
import './notes.css';

interface Props {
  notes: NoteScene;
  editor: Editor;
  /** Projector: larger markers (as the canvas draws them). */
  large?: boolean;
}

export function NoteMarkers({ notes, editor, large = false }: Props) {
  const placed = useNotes(notes);
  const camera = useSyncExternalStore(editor.state.subscribe, () => editor.state.get().camera);
  const [pinned, setPinned] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const shown = hovered ?? pinned;
  const size = large ? 56 : 34;
  return (
    <div className="note-markers">
      {placed.map(({ note, box, speakerName }) => {
        if (!box) return null;
        const m = boardToScreen(camera, { x: box.minX, y: box.minY });
        const open = shown === note.id;
        return (
          <div key={note.id} className="note-marker" style={{ left: m.x - size / 2, top: m.y - size / 2, width: size, height: size }}>
            <button
              type="button"
              className="note-marker-hit"
              aria-label={`Note ${note.number}`}
              aria-expanded={open}
              onClick={() => setPinned(pinned === note.id ? null : note.id)}
              onPointerEnter={(e) => e.pointerType === 'mouse' && setHovered(note.id)}
              onPointerLeave={() => setHovered(null)}
              onFocus={() => setHovered(note.id)}
              onBlur={() => setHovered(null)}
              onKeyDown={(e) => e.key === 'Escape' && setPinned(null)}
            />
            {open && (
              <div className={`note-pop${large ? ' large' : ''}`} role="tooltip">
                <span className="note-num">{note.number}</span>
                <div>
                  <p className="note-pop-text">{note.text}</p>
                  {speakerName && <p className="note-pop-speaker">— {speakerName}</p>}
                </div>
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
