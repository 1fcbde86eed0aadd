import type { BoardPointer } from '../../editor/input';
import { ToolState } from '../framework';
import type { HandTool } from './handTool';

export class Idle extends ToolState<HandTool> {
  readonly name = 'idle';

  override onPointerDown(e: BoardPointer): void {
    this.tool.transition('dragging', { origin: e });
  }
}
