/** Undo and redo of this person's own gestures. */
import type { BoardContext } from '../editor/context';

export function undo(ctx: BoardContext): boolean {
  const board = ctx.board();
  ctx.editor.stopEditing();
  if (board.history.inStep) return false; // a gesture is in progress: it ends first
  return board.undo();
}

export function redo(ctx: BoardContext): boolean {
  const board = ctx.board();
  ctx.editor.stopEditing();
  if (board.history.inStep) return false;
  return board.redo();
}
