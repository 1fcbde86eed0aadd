import type { BoardPointer } from '../../editor/input';
import { pickNoteTarget } from '../../editor/noteScene';
import type { Box } from '../../geometry/box';
import { Drag } from '../framework';
import type { AnnotateTool } from './annotateTool';

/** Smallest region worth a note, screen px on each side (a smaller drag is taken as a slip). */
export const MIN_REGION_PX = 12;

const boxOf = (a: { x: number; y: number }, b: { x: number; y: number }): Box => ({
  minX: Math.min(a.x, b.x),
  minY: Math.min(a.y, b.y),
  maxX: Math.max(a.x, b.x),
  maxY: Math.max(a.y, b.y),
});

/**
 * The region follows the pointer (shown by the notes layer, nothing written yet); on release the
 * target is chosen and the note editor opens. Escape drops it.
 */
export class Dragging extends Drag<AnnotateTool> {
  readonly name = 'dragging';
  private origin!: BoardPointer;
  private region!: Box;

  override onEnter(info: { origin: BoardPointer; e: BoardPointer }): void {
    this.origin = info.origin;
    this.region = boxOf(this.origin, info.e);
    this.tool.draft.set({ region: this.region, target: '', targetBox: null, text: '', speaker: '', dragging: true });
  }

  override onPointerMove(e: BoardPointer): void {
    this.region = boxOf(this.origin, e);
    this.tool.draft.update((d) => (d ? { ...d, region: this.region } : d));
  }

  override onCancel(): void {
    this.tool.draft.set(null);
    this.tool.transition('idle');
  }

  protected override finish(): void {
    const zoom = this.ctx.editor.camera.zoom;
    const r = this.region;
    if ((r.maxX - r.minX) * zoom < MIN_REGION_PX || (r.maxY - r.minY) * zoom < MIN_REGION_PX) return this.onCancel();
    const board = this.ctx.board();
    const choice = pickNoteTarget(board, this.ctx.scene(), r);
    const allowed = this.ctx.mayNote(board.author, choice.owner);
    this.tool.draft.set({
      region: r,
      target: choice.target,
      targetBox: choice.targetBox,
      text: '',
      speaker: choice.easelName,
      dragging: false,
      refused: allowed ? undefined : 'Notes can only go on your own drawing. Drag over something you drew.',
    });
    this.tool.transition('idle');
  }
}
