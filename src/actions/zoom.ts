/** Camera commands for buttons and shortcuts. */
import type { BoardContext } from '../editor/context';
import type { Box } from '../geometry/box';
import { unionBoxes } from '../geometry/handles';
import { easelsBounds, readEasels } from '../model/easels';
import { readEaselSettings } from '../model/easelSession';

export function zoomIn(ctx: Pick<BoardContext, 'editor'>): void {
  ctx.editor.zoomIn();
}

export function zoomOut(ctx: Pick<BoardContext, 'editor'>): void {
  ctx.editor.zoomOut();
}

export function zoomReset(ctx: Pick<BoardContext, 'editor'>): void {
  ctx.editor.zoomTo(1);
}

/**
 * Shows every item and, while easels are shown, every easel (an easel nobody has drawn in yet is
 * part of the board too); the selection instead when there is one. An empty board returns to
 * 100 % at the origin.
 */
export function zoomToFit(ctx: BoardContext): void {
  const scene = ctx.scene();
  const sel = ctx.editor.selection;
  const doc = ctx.board().doc;
  const easels = readEaselSettings(doc).easels ? easelsBounds(readEasels(doc)) : null;
  const box = (sel.length > 0 ? scene.boundsOf(sel) : null) ?? unionBoxes([scene.allBounds(), easels].filter((b): b is Box => b !== null));
  if (box) ctx.editor.zoomToBox(box);
  else ctx.editor.setCamera({ x: 0, y: 0, zoom: 1 });
}
