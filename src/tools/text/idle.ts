import type { BoardPointer } from '../../editor/input';
import { pressForTextEdit, startTextEdit } from '../../editor/textEditing';
import { LINE_HEIGHT } from '../../geometry/textLayout';
import { TEXT_FONT_PX } from '../../model/schema';
import { ToolState } from '../framework';
import type { TextTool } from './textTool';

export class Idle extends ToolState<TextTool> {
  readonly name = 'idle';

  override onPointerDown(e: BoardPointer): void {
    const { editor } = this.ctx;
    // A click outside the text being edited ends that edit; it does not start another.
    if (pressForTextEdit(this.ctx, e, ['text', 'sticky']) || !this.ctx.mayCreate(e)) return;
    const style = editor.styleFor('text');
    const board = this.ctx.board();
    board.history.beginStep(); // closed when the edit ends (see startTextEdit)
    const fontPx = TEXT_FONT_PX[style.size];
    // The click lands in the middle of the first line.
    const id = board.addItem(
      { kind: 'text', x: e.x, y: e.y - (fontPx * LINE_HEIGHT) / 2, rotation: 0, text: '', size: style.size, color: style.color, w: 0 },
      this.ctx.newId(),
    );
    startTextEdit(this.ctx, id, true);
  }
}
