import type { BoardPointer } from '../../editor/input';
import { dragged, GestureState, ToolState } from '../framework';
import type { AnnotateTool } from './annotateTool';

export class Idle extends ToolState<AnnotateTool> {
  readonly name = 'idle';

  override onPointerDown(e: BoardPointer): void {
    // While the note editor is open, the canvas waits for it (save or cancel).
    if (this.tool.draft.get() || !this.tool.mayAnnotate()) return;
    this.tool.transition('pointing', { origin: e });
  }
}

/** Pressed: a drag draws the region; a click alone does nothing. */
export class Pointing extends GestureState<AnnotateTool> {
  readonly name = 'pointing';
  private origin!: BoardPointer;

  override onEnter(info: { origin: BoardPointer }): void {
    this.origin = info.origin;
  }

  override onPointerMove(e: BoardPointer): void {
    if (dragged(this.ctx, this.origin, e)) this.tool.transition('dragging', { origin: this.origin, e });
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
