/** Hand: drag to move the board. States: idle, dragging. */
import { StateTool } from '../framework';
import type { ToolContext } from '../types';
import { Dragging } from './dragging';
import { Idle } from './idle';

export class HandTool extends StateTool {
  readonly id = 'hand';

  constructor(ctx: ToolContext) {
    super(ctx);
    this.defaultCursor = 'grab';
    this.init(new Idle(this), new Dragging(this));
  }
}
