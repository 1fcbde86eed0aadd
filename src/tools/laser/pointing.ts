import type { BoardPointer } from '../../editor/input';
import { Drag } from '../framework';
import type { LaserTool } from './laserTool';

/** The button is down: every sample extends the trail; lifting leaves it to fade. */
export class Pointing extends Drag<LaserTool> {
  readonly name = 'pointing';

  override onEnter(info: { origin: BoardPointer }): void {
    this.ctx.laser?.point({ x: info.origin.x, y: info.origin.y });
  }

  override onPointerMove(e: BoardPointer): void {
    this.ctx.laser?.point({ x: e.x, y: e.y });
  }

  // Escape or a tool switch: nothing to undo, the trail fades by itself.
  override onCancel(): void {
    this.finish();
  }

  protected override finish(): void {
    this.ctx.laser?.end();
    this.tool.transition('idle');
  }
}
