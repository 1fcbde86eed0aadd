/**
 * Text: click to type (a text overlay opens at the click), click a text to edit it. One state:
 * idle; the typing itself happens in the overlay (editor.editingId).
 */
import { StateTool } from '../framework';
import type { ToolContext } from '../types';
import { Idle } from './idle';

export class TextTool extends StateTool {
  readonly id = 'text';

  constructor(ctx: ToolContext) {
    super(ctx);
    this.defaultCursor = 'text';
    this.init(new Idle(this));
  }

  override get state(): string {
    return this.ctx.editor.editingId ? 'editing' : 'idle';
  }
}
