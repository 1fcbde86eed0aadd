/**
 * The note editor: opens when a region has been dragged with the Annotate tool (a new note) or
 * when Edit is pressed in the Notes panel. The note's words (line breaks kept, at most 1000
 * characters, with a counter) and who said it (defaults to the easel's artist). Saving is one
 * undoable step; Cancel or Escape leaves nothing behind.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { BoardContext } from '../../editor/context';
import { noteDraft, type NoteDraft } from '../../editor/noteDraft';
import type { NoteScene } from '../../editor/noteScene';
import { boardToScreen } from '../../geometry/camera';
import { addAnnotation, editAnnotation } from '../../model/annotations';
import { ANNOTATION_LIMITS } from '../../model/schema';
import { textLength } from '../../protocol/text';
import { useNotes } from './useNotes';
import './notes.css';

const WIDTH = 380;

function Form({ ctx, draft, onClose }: { ctx: BoardContext; draft: NoteDraft; onClose(): void }) {
  const [text, setText] = useState(draft.text);
  const [speaker, setSpeaker] = useState(draft.speaker);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);
  const count = textLength(text);
  const save = () => {
    const board = ctx.board();
    if (draft.noteId) editAnnotation(board, draft.noteId, { text, speaker });
    else addAnnotation(board, { target: draft.target, region: draft.region, targetBox: draft.targetBox, text, speaker });
    onClose();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) save();
      }}
    >
      <label className="field note-field">
        <span>Note</span>
        <textarea
          ref={textRef}
          value={text}
          rows={4}
          maxLength={ANNOTATION_LIMITS.noteLength}
          placeholder="What did they say about this part?"
          aria-describedby="note-count"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter makes a new line; Ctrl/Cmd+Enter saves.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && text.trim()) {
              e.preventDefault();
              save();
            }
          }}
        />
        <span id="note-count" className="note-count" aria-live="polite">
          {count} / {ANNOTATION_LIMITS.noteLength}
        </span>
      </label>
      <label className="field note-field">
        <span>Who said it</span>
        <input value={speaker} maxLength={ANNOTATION_LIMITS.speakerLength} placeholder="Optional" onChange={(e) => setSpeaker(e.target.value)} />
      </label>
      <div className="panel-row note-editor-actions">
        <button type="submit" className="panel-button primary-ish" disabled={!text.trim()}>
          Save note
        </button>
        <button type="button" className="panel-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function NoteEditor({ ctx, notes }: { ctx: BoardContext; notes: NoteScene }) {
  const placed = useNotes(notes);
  const store = noteDraft(ctx.editor);
  const draft = useSyncExternalStore(store.subscribe, store.get);
  const { camera, viewport } = useSyncExternalStore(ctx.editor.state.subscribe, ctx.editor.state.get);
  if (!draft || draft.dragging) return null;
  const close = () => store.set(null);
  // Beside the region when there is room, else as close as fits.
  const a = boardToScreen(camera, { x: draft.region.maxX, y: draft.region.minY });
  const left = Math.max(16, Math.min(viewport.width - WIDTH - 16, a.x + 24));
  const top = Math.max(72, Math.min(viewport.height - 380, a.y));
  const number = draft.noteId ? (placed.find((p) => p.note.id === draft.noteId)?.note.number ?? '') : placed.length + 1;
  const title = draft.noteId ? `Edit note ${number}` : `New note ${number}`;
  return (
    <section
      className="floating note-editor"
      role="dialog"
      aria-labelledby="note-editor-title"
      style={{ left, top, width: WIDTH }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <header className="panel-head">
        <h2 id="note-editor-title">{draft.refused ? 'Cannot add a note here' : title}</h2>
      </header>
      {draft.refused ? (
        <>
          <p className="panel-muted">{draft.refused}</p>
          <button type="button" className="panel-button" autoFocus onClick={close}>
            OK
          </button>
        </>
      ) : (
        <Form ctx={ctx} draft={draft} onClose={close} />
      )}
    </section>
  );
}
