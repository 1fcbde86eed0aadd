import type { BoardPointer } from '../../editor/input';
import { dragged, GestureState } from '../framework';
import { CLICK_SIZE, type ShapeTool } from './shapeTool';

/** Pressed: a drag starts drawing; a click drops a rectangle or ellipse of a friendly size. */
export class Pointing extends GestureState<ShapeTool> {
  readonly name = 'pointing';
  private origin!: BoardPointer;

  override onEnter(info: { origin: BoardPointer }): void {
    this.origin = info.origin;
  }

  override onPointerMove(e: BoardPointer): void {
    if (dragged(this.ctx, this.origin, e)) this.tool.transition('drawing', { origin: this.origin, e });
  }

  override onPointerUp(): void {
    if (this.tool.isBox) {
      const { w, h } = CLICK_SIZE;
      this.ctx.board().addItem(this.tool.newShape(this.origin.x - w / 2, this.origin.y - h / 2, w, h));
    }
    this.tool.transition('idle');
  }

  override onPointerLost(): void {
    this.tool.transition('idle');
  }

  override onCancel(): void {
    this.tool.transition('idle');
  }

}
