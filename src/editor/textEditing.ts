/**
 * Editing a text item or sticky note in place: one undo step from the start of editing to its end
 * (so undo removes a just-typed note at once), and an item that ends up empty is removed.
 */
import type { BoardContext } from './context';
import type { BoardPointer } from './input';
import { HIT_TOLERANCE } from './sceneIndex';

export function startTextEdit(ctx: BoardContext, id: string, created: boolean): boolean {
  const board = ctx.board();
  const item = board.getItem(id);
  if (!item || (item.kind !== 'text' && item.kind !== 'sticky')) return false;
  if (!created && !ctx.may('change', item)) return false;
  const history = board.history;
  if (!created) history.beginStep();
  // A new item was added inside a step the caller opened; it stays open until editing ends.
  ctx.editor.startEditing(id, () => {
    const now = board.getItem(id);
    if (now && now.kind === 'text' && now.text.trim() === '') {
      if (created) {
        history.cancelStep(); // nothing typed: as if the text tool had never been used
        return;
      }
      if (ctx.may('delete', now)) board.deleteItems([id]);
    }
    history.endStep();
  });
  return true;
}

/**
 * A press of the Text or Sticky note tool: ends the edit in progress, or opens the words of an item
 * of `kinds` under the pointer. True when the press was used up that way (nothing new is made).
 */
export function pressForTextEdit(ctx: BoardContext, e: BoardPointer, kinds: ReadonlyArray<'text' | 'sticky'>): boolean {
  const { editor } = ctx;
  if (editor.editingId) {
    editor.stopEditing();
    return true;
  }
  const hit = ctx.scene().itemAt(e, HIT_TOLERANCE[e.kind === 'touch' ? 'touch' : 'mouse'] / editor.camera.zoom);
  return hit != null && (kinds as readonly string[]).includes(hit.kind) && startTextEdit(ctx, hit.id, false);
}
