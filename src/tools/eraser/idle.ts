import type { BoardPointer } from '../../editor/input';
import { ToolState } from '../framework';
import type { EraserTool } from './eraserTool';

export class Idle extends ToolState<EraserTool> {
  readonly name = 'idle';

  override onPointerDown(e: BoardPointer): void {
    this.tool.transition('erasing', { origin: e });
  }
}
