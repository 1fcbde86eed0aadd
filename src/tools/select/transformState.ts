/**
 * Common shape of a drag that changes items (move, resize, rotate): an UndoableDrag over the
 * selection as it was when the gesture began, with the editor's transform mark shown meanwhile.
 */
import type { BoardPointer } from '../../editor/input';
import type { Transform } from '../../editor/editor';
import type { Item, ItemPatch } from '../../model/schema';
import { UndoableDrag } from '../framework';
import type { SelectTool } from './selectTool';

export abstract class TransformState extends UndoableDrag<SelectTool> {
  protected abstract readonly kind: NonNullable<Transform>['kind'];
  /** The items as they were when the gesture began. */
  protected items: Item[] = [];
  protected origin!: BoardPointer;

  protected abstract patch(item: Item, e: BoardPointer): ItemPatch;

  override onEnter(info: { origin: BoardPointer; e?: BoardPointer }): void {
    this.origin = info.origin;
    this.items = this.tool.changeable();
    this.beginStep();
    this.ctx.editor.setTransform({ kind: this.kind });
    this.ctx.editor.setHovered(null);
    this.prepare();
    if (info.e) this.onPointerMove(info.e);
  }

  /** Called on enter, after `items` is set. */
  protected prepare(): void {}

  override onPointerMove(e: BoardPointer): void {
    this.ctx.frame('transform', () => {
      const patches = new Map<string, ItemPatch>();
      for (const item of this.items) patches.set(item.id, this.patch(item, e));
      this.ctx.board().updateItems(patches);
    });
  }

  protected override leave(): void {
    this.ctx.editor.setTransform(null);
    super.leave();
  }
}
