/**
 * Copy, cut and paste as plain-text JSON (model/clipboard.ts), so items travel between boards and
 * tabs through the system clipboard. Pasted items are the paster's own, with new ids.
 */
import type { BoardContext } from '../editor/context';
import { unionBoxes } from '../geometry/handles';
import type { Box } from '../geometry/box';
import { parseClipboard, toClipboard } from '../model/clipboard';
import { outlineOf } from '../geometry/outline';
import { geometryOf } from '../editor/sceneIndex';
import { estimateMeasure } from '../geometry/textLayout';
import type { Item } from '../model/schema';
import { DUPLICATE_OFFSET, deleteSelected, selectedItems } from './selection';

/** The selection as clipboard text, or null when nothing is selected. */
export function copyText(ctx: BoardContext): string | null {
  const items = selectedItems(ctx);
  return items.length > 0 ? JSON.stringify(toClipboard(items)) : null;
}

export function cutText(ctx: BoardContext): string | null {
  const text = copyText(ctx);
  if (text) deleteSelected(ctx);
  return text;
}

function boundsOf(items: readonly Item[]): Box | null {
  return unionBoxes(
    items.flatMap((i) => {
      try {
        return [outlineOf(geometryOf(i, estimateMeasure)).box];
      } catch {
        return [];
      }
    }),
  );
}

/**
 * Pastes clipboard text: centred on `at` (the pointer) when given; else offset from the originals
 * when they are on this board at the same spot, or in the middle of the view. Returns the new ids (null: not ours).
 */
export function pasteText(ctx: BoardContext, text: string, at?: { x: number; y: number } | null): string[] | null {
  const items = parseClipboard(text);
  if (!items) return null;
  if (items.length === 0 || !ctx.mayCreate()) return [];
  const box = boundsOf(items);
  let dx = 0, dy = 0;
  if (box && at) {
    dx = at.x - (box.minX + box.maxX) / 2;
    dy = at.y - (box.minY + box.maxY) / 2;
  } else {
    const board = ctx.board();
    const same = items.some((i) => {
      const here = board.getItem(i.id);
      return here && here.x === i.x && here.y === i.y;
    });
    if (same) dx = dy = DUPLICATE_OFFSET;
    else if (box) {
      const c = ctx.editor.viewCenter();
      dx = c.x - (box.minX + box.maxX) / 2;
      dy = c.y - (box.minY + box.maxY) / 2;
    }
  }
  if (!ctx.mayCreate(items.map((i) => ({ x: i.x + dx, y: i.y + dy })))) return [];
  const ids = ctx.board().duplicateItems(items, dx, dy);
  ctx.editor.setTool('select');
  ctx.editor.select(ids);
  return ids;
}
