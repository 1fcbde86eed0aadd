import type { BoardPointer } from '../../editor/input';
import { GestureState } from '../framework';
import type { LaserTool } from './laserTool';

/** The button is down: every sample extends the trail; lifting leaves it to fade. */
export class Pointing extends GestureState<LaserTool> {
  readonly name = 'pointing';

  override onEnter(info: { origin: BoardPointer }): void {
    this.ctx.laser?.point({ x: info.origin.x, y: info.origin.y });
  }

  override onPointerMove(e: BoardPointer): void {
    this.ctx.laser?.point({ x: e.x, y: e.y });
  }

  override onPointerUp(e: BoardPointer): void {
    this.onPointerMove(e);
    this.end();
  }

  override onPointerLost(): void {
    this.end();
  }

  // Escape or a tool switch: nothing to undo, the trail fades by itself.
  override onCancel(): void {
    this.end();
  }

  private end(): void {
    this.ctx.laser?.end();
    this.tool.transition('idle');
  }
}
