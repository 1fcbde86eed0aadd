/**
 * The Notes panel: every note in order with its number, words and who said it. Clicking one zooms
 * to it; those who may write a note can edit it, move it up or down (or drag it) and delete it,
 * each one undoable step (Undo is offered right after a delete).
 */
import { useState } from 'react';
import type { BoardContext } from '../../editor/context';
import { noteDraft } from '../../editor/noteDraft';
import type { NoteScene, PlacedNote } from '../../editor/noteScene';
import { deleteAnnotations, moveAnnotation } from '../../model/annotations';
import { SidePanel } from '../SidePanel';
import { useNotes } from './useNotes';
import './notes.css';

interface Props {
  ctx: BoardContext;
  notes: NoteScene;
  onClose(): void;
}

export function NotesButton({ count, expanded, onClick }: { count: number; expanded: boolean; onClick(): void }) {
  return (
    <button type="button" className="bar-button" aria-haspopup="dialog" aria-expanded={expanded} onClick={onClick}>
      <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round">
        <circle cx="7" cy="7" r="3" />
        <path d="M12.5 7H20M4 14h16M4 18.5h11" />
      </svg>
      Notes
      <span className="bar-count">{count}</span>
    </button>
  );
}

export function NotesPanel({ ctx, notes, onClose }: Props) {
  const placed = useNotes(notes);
  const [told, setTold] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);

  const board = () => ctx.board();
  const mayWrite = (p: PlacedNote) => ctx.mayNote(p.note.author, p.targetOwner);
  const zoomTo = (p: PlacedNote) => {
    if (!p.box) return;
    const pad = Math.max(p.box.maxX - p.box.minX, p.box.maxY - p.box.minY) * 0.6;
    ctx.editor.zoomToBox({ minX: p.box.minX - pad, minY: p.box.minY - pad, maxX: p.box.maxX + pad, maxY: p.box.maxY + pad });
  };
  const edit = (p: PlacedNote) =>
    noteDraft(ctx.editor).set({ region: p.box ?? { minX: 0, minY: 0, maxX: 1, maxY: 1 }, target: p.note.target, targetBox: null, text: p.note.text, speaker: p.note.speaker, dragging: false, noteId: p.note.id });
  const move = (p: PlacedNote, to: number) => {
    moveAnnotation(board(), p.note.id, to);
    setTold('');
  };
  const remove = (p: PlacedNote) => {
    deleteAnnotations(board(), [p.note.id]);
    setTold(`Note ${p.note.number} deleted.`);
  };

  return (
    <SidePanel titleId="notes-title" title={
        <>
          Notes <span className="panel-count">{placed.length}</span>
        </>
      } className="notes-panel" onClose={onClose}>
      {placed.length === 0 && <p className="panel-muted">No notes yet. Choose Annotate, then drag over part of a drawing to pin what its artist said.</p>}
      <ol className="notes-list">
        {placed.map((p, i) => {
          const canWrite = mayWrite(p);
          const n = p.note.number;
          return (
            <li
              key={p.note.id}
              className={`notes-row${dragging === p.note.id ? ' dragging' : ''}`}
              draggable={canWrite}
              onDragStart={(e) => {
                setDragging(p.note.id);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragEnd={() => setDragging(null)}
              onDragOver={(e) => dragging && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const from = placed.find((q) => q.note.id === dragging);
                if (from && from !== p) move(from, i);
                setDragging(null);
              }}
            >
              <button type="button" className="notes-row-main" aria-label={`Show note ${n}`} disabled={!p.box} onClick={() => zoomTo(p)}>
                <span className="note-num">{n}</span>
                <span className="notes-row-body">
                  <span className="notes-row-text">{p.note.text}</span>
                  {p.speakerName && <span className="notes-row-speaker">— {p.speakerName}</span>}
                  {p.targetGone && <span className="notes-row-speaker">Its drawing was removed; the note stays where it was.</span>}
                </span>
              </button>
              {canWrite && (
                <div className="notes-row-actions">
                  <button type="button" className="panel-button quiet" aria-label={`Edit note ${n}`} onClick={() => edit(p)}>
                    Edit
                  </button>
                  <button type="button" className="panel-button quiet" aria-label={`Move note ${n} up`} disabled={i === 0} onClick={() => move(p, i - 1)}>
                    ↑
                  </button>
                  <button type="button" className="panel-button quiet" aria-label={`Move note ${n} down`} disabled={i === placed.length - 1} onClick={() => move(p, i + 1)}>
                    ↓
                  </button>
                  <button type="button" className="panel-button quiet" aria-label={`Delete note ${n}`} onClick={() => remove(p)}>
                    Delete
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <p className="fac-told notes-told" role="status">
        {told}
        {told && (
          <button
            type="button"
            className="panel-button quiet"
            onClick={() => {
              board().undo();
              setTold('');
            }}
          >
            Undo
          </button>
        )}
      </p>
    </SidePanel>
  );
}
