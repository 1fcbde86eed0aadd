import type { BoardPointer } from '../../editor/input';
import { ToolState } from '../framework';
import type { ShapeTool } from './shapeTool';

export class Idle extends ToolState<ShapeTool> {
  readonly name = 'idle';

  override onPointerDown(e: BoardPointer): void {
    if (this.ctx.mayCreate(e)) this.tool.transition('pointing', { origin: e });
  }
}
