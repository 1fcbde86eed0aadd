/**
 * The toolbar's Annotate button: for the facilitator always, for participants while the board
 * lets them pin notes to their own drawings (the same rule the server applies).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { BoardContext } from '../../editor/context';
import { observeSessionState } from '../../model/session';
import { Icons } from '../toolbar/icons';

function useMayAnnotate(ctx: BoardContext): boolean {
  const board = ctx.board();
  const me = board.author;
  const [may, setMay] = useState(() => ctx.mayNote(me, me));
  useEffect(() => {
    setMay(ctx.mayNote(me, me));
    return observeSessionState(board.doc, () => setMay(ctx.mayNote(me, me)));
  }, [ctx, board, me]);
  return may;
}

export function AnnotateButton({ ctx }: { ctx: BoardContext }) {
  const { editor } = ctx;
  const tool = useSyncExternalStore(editor.state.subscribe, () => editor.state.get().tool);
  const may = useMayAnnotate(ctx);
  useEffect(() => {
    if (!may && tool === 'annotate') editor.setTool('select');
  }, [may, tool, editor]);
  if (!may) return null;
  return (
    <div className="tb-group">
      <button type="button" className="tb-tool" aria-pressed={tool === 'annotate'} title="Annotate: drag over part of a drawing to pin a note" onClick={() => editor.setTool('annotate')}>
        {Icons.annotate}
        <span className="tb-label">Annotate</span>
      </button>
    </div>
  );
}
