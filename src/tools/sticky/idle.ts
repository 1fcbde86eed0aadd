import type { BoardPointer } from '../../editor/input';
import { pressForTextEdit, startTextEdit } from '../../editor/textEditing';
import { ToolState } from '../framework';
import { STICKY_SIZE, type StickyTool } from './stickyTool';

export class Idle extends ToolState<StickyTool> {
  readonly name = 'idle';

  override onPointerDown(e: BoardPointer): void {
    const { editor } = this.ctx;
    if (pressForTextEdit(this.ctx, e, ['sticky']) || !this.ctx.mayCreate(e)) return;
    const board = this.ctx.board();
    board.history.beginStep(); // closed when the edit ends: the note and its words are one undo step
    const half = STICKY_SIZE / 2;
    const id = board.addItem(
      { kind: 'sticky', x: e.x - half, y: e.y - half, w: STICKY_SIZE, h: STICKY_SIZE, rotation: 0, text: '', color: editor.styleFor('sticky').color },
      this.ctx.newId(),
    );
    startTextEdit(this.ctx, id, true);
  }
}
