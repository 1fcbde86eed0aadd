import type { BoardPointer } from '../../editor/input';
import { dragged, ToolState } from '../framework';
import type { SelectTool } from './selectTool';

interface Info {
  origin: BoardPointer;
  itemId: string;
  wasSelected: boolean;
}

/** Pressed on an item: a drag moves the selection, a click (re)selects it. */
export class PointingItem extends ToolState<SelectTool> {
  readonly name = 'pointingItem';
  private info!: Info;

  override onEnter(info: Info): void {
    this.info = info;
  }

  override onPointerMove(e: BoardPointer): void {
    if (!dragged(this.ctx, this.info.origin, e)) return;
    if (this.tool.changeable().length > 0) this.tool.transition('translating', { origin: this.info.origin, e });
  }

  override onPointerUp(e: BoardPointer): void {
    const { editor } = this.ctx;
    // A click on one of several selected items narrows the selection to it.
    if (this.info.wasSelected && editor.selection.length > 1) editor.select([this.info.itemId]);
    this.tool.noteClick(this.info.itemId, e);
    this.tool.transition('idle');
  }

  override onPointerLost(): void {
    this.tool.transition('idle');
  }

  override onCancel(): void {
    this.tool.transition('idle');
  }
}
