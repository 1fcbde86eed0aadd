import type { BoardPointer } from '../../editor/input';
import { noteAt } from '../../editor/noteScene';
import { dragged, GestureState, ToolState } from '../framework';
import type { AnnotateTool } from './annotateTool';

/** Grab size of a region's bottom-right corner (resize), screen px: a little more for fingers. */
export const CORNER_PX = { mouse: 10, touch: 18 } as const;

export class Idle extends ToolState<AnnotateTool> {
  readonly name = 'idle';

  override onPointerDown(e: BoardPointer): void {
    // While the note editor is open, the canvas waits for it (save or cancel).
    if (this.tool.draft.get() || !this.tool.mayAnnotate()) return;
    // On a note this person may write: move, resize or edit it. Anywhere else: a new region.
    const corner = (e.kind === 'touch' ? CORNER_PX.touch : CORNER_PX.mouse) / this.ctx.editor.camera.zoom;
    const hit = noteAt(this.ctx.board(), this.ctx.scene(), e, corner);
    if (hit && this.ctx.mayNote(hit.note.author, hit.targetOwner)) this.tool.transition('pointingNote', { origin: e, hit });
    else this.tool.transition('pointing', { origin: e });
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
