/** Eraser: drag across items to remove them whole. States: idle, erasing. */
import type { BoardPointer } from '../../editor/input';
import { StateTool } from '../framework';
import type { ToolContext } from '../types';
import { Erasing } from './erasing';
import { Idle } from './idle';

/** Radius of the eraser in screen px (bigger for a finger). */
export const ERASER_RADIUS = { mouse: 8, touch: 14 } as const;

export class EraserTool extends StateTool {
  readonly id = 'eraser';

  constructor(ctx: ToolContext) {
    super(ctx);
    this.defaultCursor = 'cell';
    this.init(new Idle(this), new Erasing(this));
  }

  radius(e: BoardPointer): number {
    return (e.kind === 'touch' ? ERASER_RADIUS.touch : ERASER_RADIUS.mouse) / this.ctx.editor.camera.zoom;
  }
}
