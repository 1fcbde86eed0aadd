/** One-shot commands on the selection: delete, duplicate, select all, reorder, nudge, edit. */
import type { BoardContext } from '../editor/context';
import { startTextEdit } from '../editor/textEditing';
import type { ZMove } from '../model/board';
import type { Item } from '../model/schema';

export function selectedItems(ctx: BoardContext): Item[] {
  const board = ctx.board();
  return ctx.editor.selection.map((id) => board.getItem(id)).filter((i): i is Item => !!i);
}

/** Deletes what this person may delete of the selection, in one step. Returns how many. */
export function deleteSelected(ctx: BoardContext): number {
  const items = selectedItems(ctx).filter((i) => ctx.may('delete', i));
  if (items.length === 0) return 0;
  ctx.editor.stopEditing();
  ctx.board().deleteItems(items.map((i) => i.id));
  ctx.editor.select(ctx.editor.selection.filter((id) => ctx.board().getItem(id)));
  return items.length;
}

/** Offset of duplicates and of pastes on the same spot, board px. */
export const DUPLICATE_OFFSET = 24;

export function duplicateSelected(ctx: BoardContext): string[] {
  const items = selectedItems(ctx);
  if (items.length === 0 || !ctx.mayCreate(items.map((i) => ({ x: i.x + DUPLICATE_OFFSET, y: i.y + DUPLICATE_OFFSET })))) return [];
  const ids = ctx.board().duplicateItems(items, DUPLICATE_OFFSET, DUPLICATE_OFFSET);
  ctx.editor.select(ids);
  return ids;
}

export function selectAll(ctx: BoardContext): void {
  ctx.editor.setTool('select');
  ctx.editor.select(ctx.board().allItems().map((i) => i.id));
}

export function reorderSelected(ctx: BoardContext, move: ZMove): void {
  const ids = selectedItems(ctx).filter((i) => ctx.may('change', i)).map((i) => i.id);
  if (ids.length > 0) ctx.board().reorderItems(ids, move);
}

export function nudgeSelected(ctx: BoardContext, dx: number, dy: number): void {
  const items = selectedItems(ctx);
  if (items.length === 0 || !items.every((i) => ctx.may('change', i))) return;
  ctx.board().moveItems(items.map((i) => i.id), dx, dy);
}

/** Opens the selected text or note for typing (Enter). */
export function editSelected(ctx: BoardContext): boolean {
  const [item] = selectedItems(ctx);
  if (!item || ctx.editor.selection.length !== 1) return false;
  return startTextEdit(ctx, item.id, false);
}
