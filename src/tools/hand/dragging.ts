import type { Camera } from '../../geometry/camera';
import type { BoardPointer } from '../../editor/input';
import { Drag } from '../framework';
import type { HandTool } from './handTool';

/** The board follows the pointer (screen coordinates: the board ones move with the camera). */
export class Dragging extends Drag<HandTool> {
  readonly name = 'dragging';
  private start!: { sx: number; sy: number; camera: Camera };

  override get cursor(): string {
    return 'grabbing';
  }

  override onEnter(info: { origin: BoardPointer }): void {
    const camera = this.ctx.editor.camera;
    this.start = { sx: info.origin.sx ?? 0, sy: info.origin.sy ?? 0, camera };
    this.ctx.editor.setTransform({ kind: 'pan' });
  }

  override onExit(): void {
    this.ctx.editor.setTransform(null);
  }

  override onPointerMove(e: BoardPointer): void {
    const { camera, sx, sy } = this.start;
    this.ctx.editor.setCamera({ x: camera.x - ((e.sx ?? sx) - sx) / camera.zoom, y: camera.y - ((e.sy ?? sy) - sy) / camera.zoom, zoom: camera.zoom });
  }

  protected override finish(): void {
    this.tool.transition('idle');
  }

  override onCancel(): void {
    this.ctx.editor.setCamera(this.start.camera);
    this.tool.transition('idle');
  }
}
