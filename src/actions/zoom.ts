/** Camera commands for buttons and shortcuts. */
import type { BoardContext } from '../editor/context';

export function zoomIn(ctx: Pick<BoardContext, 'editor'>): void {
  ctx.editor.zoomIn();
}

export function zoomOut(ctx: Pick<BoardContext, 'editor'>): void {
  ctx.editor.zoomOut();
}

export function zoomReset(ctx: Pick<BoardContext, 'editor'>): void {
  ctx.editor.zoomTo(1);
}

/** Shows every item (or the selection, when there is one); an empty board returns to 100 % at the origin. */
export function zoomToFit(ctx: BoardContext): void {
  const scene = ctx.scene();
  const sel = ctx.editor.selection;
  const box = (sel.length > 0 ? scene.boundsOf(sel) : null) ?? scene.allBounds();
  if (box) ctx.editor.zoomToBox(box);
  else ctx.editor.setCamera({ x: 0, y: 0, zoom: 1 });
}
