/**
 * Annotate: drag a region over a drawing, a photo or an area; on release the note editor opens
 * (ui/notes) with the region, what it is pinned to and who said it. On a note of one's own (any, for
 * the facilitator): a drag moves it, a drag at its bottom-right corner resizes it, a click opens it
 * for editing. States: idle, pointing, dragging, pointingNote, reshaping.
 */
import { noteDraft } from '../../editor/noteDraft';
import { StateTool } from '../framework';
import type { ToolContext } from '../types';
import { Dragging } from './dragging';
import { Idle, Pointing } from './idle';
import { PointingNote, Reshaping } from './reshaping';

export class AnnotateTool extends StateTool {
  readonly id = 'annotate';

  constructor(ctx: ToolContext) {
    super(ctx);
    this.init(new Idle(this), new Pointing(this), new Dragging(this), new PointingNote(this), new Reshaping(this));
  }

  get draft() {
    return noteDraft(this.ctx.editor);
  }

  /** Whether this person may pin notes at all now (facilitator; participants when the board allows). */
  mayAnnotate(): boolean {
    const me = this.ctx.board().author;
    return this.ctx.mayNote(me, me);
  }
}
