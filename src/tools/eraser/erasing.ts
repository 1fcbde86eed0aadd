import type { Vec } from '../../geometry/camera';
import type { BoardPointer } from '../../editor/input';
import { GestureState } from '../framework';
import type { EraserTool } from './eraserTool';

/**
 * Collects what the eraser path touches (only what this person may delete), shows it faded while
 * dragging, and deletes it all in one undoable step when the pointer lifts. Escape keeps everything.
 */
export class Erasing extends GestureState<EraserTool> {
  readonly name = 'erasing';
  private last: Vec = { x: 0, y: 0 };
  private hits = new Set<string>();

  override onEnter(info: { origin: BoardPointer }): void {
    this.hits = new Set();
    this.last = info.origin;
    this.ctx.editor.setTransform({ kind: 'erase' });
    this.sweep(info.origin);
  }

  override onExit(): void {
    this.ctx.editor.setEraserPreview(new Set());
    this.ctx.editor.setTransform(null);
  }

  private sweep(e: BoardPointer): void {
    let added = false;
    for (const item of this.ctx.scene().itemsAlong(this.last, e, this.tool.radius(e))) {
      if (this.hits.has(item.id) || !this.ctx.may('delete', item)) continue;
      this.hits.add(item.id);
      added = true;
    }
    this.last = { x: e.x, y: e.y };
    if (added) this.ctx.editor.setEraserPreview(new Set(this.hits));
  }

  override onPointerMove(e: BoardPointer): void {
    this.sweep(e);
  }

  override onPointerUp(e: BoardPointer): void {
    this.sweep(e);
    this.commit();
  }

  override onPointerLost(): void {
    this.commit();
  }

  private commit(): void {
    const board = this.ctx.board();
    // Items someone else deleted meanwhile are simply gone already.
    const ids = [...this.hits].filter((id) => board.getItem(id));
    if (ids.length > 0) board.deleteItems(ids);
    this.tool.transition('idle');
  }

  override onCancel(): void {
    this.tool.transition('idle');
  }

}
