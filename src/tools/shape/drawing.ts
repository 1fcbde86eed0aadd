import type { BoardPointer } from '../../editor/input';
import type { ItemPatch } from '../../model/schema';
import { UndoableDrag } from '../framework';
import type { ShapeTool } from './shapeTool';

/** Shift: a square or circle; lines and arrows in 45-degree steps. */
export function shapeGeometry(box: boolean, ox: number, oy: number, e: { x: number; y: number; shift?: boolean }): Required<Pick<ItemPatch, 'x' | 'y' | 'w' | 'h'>> {
  let dx = e.x - ox, dy = e.y - oy;
  if (box) {
    if (e.shift) {
      const m = Math.max(Math.abs(dx), Math.abs(dy));
      dx = Math.sign(dx || 1) * m;
      dy = Math.sign(dy || 1) * m;
    }
    return { x: Math.min(ox, ox + dx), y: Math.min(oy, oy + dy), w: Math.abs(dx), h: Math.abs(dy) };
  }
  if (e.shift) {
    const len = Math.hypot(dx, dy);
    const a = Math.round(Math.atan2(dy, dx) / (Math.PI / 4)) * (Math.PI / 4);
    dx = Math.round(Math.cos(a) * len * 10) / 10;
    dy = Math.round(Math.sin(a) * len * 10) / 10;
  }
  return { x: ox, y: oy, w: dx, h: dy };
}

/**
 * The shape exists in the document from the first drag on and follows the pointer once per frame,
 * so others see it grow; press to release is one undo step; Escape removes it.
 */
export class Drawing extends UndoableDrag<ShapeTool> {
  readonly name = 'drawing';
  private origin!: BoardPointer;
  private id = '';

  override onEnter(info: { origin: BoardPointer; e: BoardPointer }): void {
    this.origin = info.origin;
    const board = this.ctx.board();
    this.beginStep();
    const g = shapeGeometry(this.tool.isBox, this.origin.x, this.origin.y, info.e);
    this.id = board.addItem(this.tool.newShape(g.x, g.y, g.w, g.h), this.ctx.newId());
    this.ctx.editor.setTransform({ kind: 'draw-shape' });
  }

  override onExit(): void {
    this.ctx.editor.setTransform(null);
  }

  override onPointerMove(e: BoardPointer): void {
    const g = shapeGeometry(this.tool.isBox, this.origin.x, this.origin.y, e);
    this.ctx.frame('shape', () => this.ctx.board().updateItems(new Map([[this.id, g]])));
  }
}
