/**
 * Common shape of a drag that changes items (move, resize, rotate): one undo step from press to
 * release, the document written at most once per animation frame (remote screens follow live),
 * Escape returns everything to where it started and leaves no undo entry.
 */
import type { BoardPointer } from '../../editor/input';
import type { Transform } from '../../editor/editor';
import type { Item, ItemPatch } from '../../model/schema';
import { GestureState } from '../framework';
import type { SelectTool } from './selectTool';

export abstract class TransformState extends GestureState<SelectTool> {
  protected abstract readonly kind: NonNullable<Transform>['kind'];
  /** The items as they were when the gesture began. */
  protected items: Item[] = [];
  protected origin!: BoardPointer;

  protected abstract patch(item: Item, e: BoardPointer): ItemPatch;

  override onEnter(info: { origin: BoardPointer; e?: BoardPointer }): void {
    this.origin = info.origin;
    this.items = this.tool.changeable();
    this.ctx.board().history.beginStep();
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

  private finish(): void {
    this.ctx.flushFrames();
    this.ctx.board().history.endStep();
    this.ctx.editor.setTransform(null);
    this.tool.transition('idle');
  }

  override onPointerUp(e: BoardPointer): void {
    this.onPointerMove(e);
    this.finish();
  }

  override onPointerLost(): void {
    this.finish();
  }

  override onCancel(): void {
    this.ctx.dropFrames();
    this.ctx.board().history.cancelStep();
    this.ctx.editor.setTransform(null);
    this.tool.transition('idle');
  }

}
