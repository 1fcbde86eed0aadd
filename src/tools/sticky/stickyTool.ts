/** Sticky note: click to put a note down and type on it; click a note to edit it. One state: idle. */
import { StateTool } from '../framework';
import type { ToolContext } from '../types';
import { Idle } from './idle';

/** A new note's size, board px. */
export const STICKY_SIZE = 200;

export class StickyTool extends StateTool {
  readonly id = 'sticky';

  constructor(ctx: ToolContext) {
    super(ctx);
    this.init(new Idle(this));
  }

  override get state(): string {
    return this.ctx.editor.editingId ? 'editing' : 'idle';
  }
}
