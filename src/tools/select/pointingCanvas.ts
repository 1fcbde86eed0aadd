import type { BoardPointer } from '../../editor/input';
import { dragged, ToolState } from '../framework';
import type { SelectTool } from './selectTool';

/** Pressed on empty board: a drag draws a marquee. */
export class PointingCanvas extends ToolState<SelectTool> {
  readonly name = 'pointingCanvas';
  private origin!: BoardPointer;
  private base: readonly string[] = [];

  override onEnter(info: { origin: BoardPointer }): void {
    this.origin = info.origin;
    this.base = this.ctx.editor.selection;
  }

  override onPointerMove(e: BoardPointer): void {
    if (dragged(this.ctx, this.origin, e)) this.tool.transition('brushing', { origin: this.origin, base: e.shift ? this.base : [], e });
  }

  override onPointerUp(): void {
    this.tool.transition('idle');
  }

  override onPointerLost(): void {
    this.tool.transition('idle');
  }

  override onCancel(): void {
    this.tool.transition('idle');
  }
}
