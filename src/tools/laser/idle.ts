import type { BoardPointer } from '../../editor/input';
import { ToolState } from '../framework';
import type { LaserTool } from './laserTool';

export class Idle extends ToolState<LaserTool> {
  readonly name = 'idle';

  override onPointerDown(e: BoardPointer): void {
    this.tool.transition('pointing', { origin: e });
  }
}
