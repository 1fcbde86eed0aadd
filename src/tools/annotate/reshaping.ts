import type { BoardPointer } from '../../editor/input';
import type { NoteHit } from '../../editor/noteScene';
import type { Box } from '../../geometry/box';
import { setAnnotationRegion } from '../../model/annotations';
import { dragged, GestureState, UndoableDrag } from '../framework';
import type { AnnotateTool } from './annotateTool';

/** Smallest side of a resized region, board px. */
const MIN_SIDE = 8;

export function reshapedBox(hit: Pick<NoteHit, 'box' | 'part'>, dx: number, dy: number): Box {
  const b = hit.box;
  if (hit.part === 'move') return { minX: b.minX + dx, minY: b.minY + dy, maxX: b.maxX + dx, maxY: b.maxY + dy };
  return { ...b, maxX: Math.max(b.minX + MIN_SIDE, b.maxX + dx), maxY: Math.max(b.minY + MIN_SIDE, b.maxY + dy) };
}

/** Pressed on a note this person may write: a drag moves (or, at its corner, resizes) it; a click opens it for editing. */
export class PointingNote extends GestureState<AnnotateTool> {
  readonly name = 'pointingNote';
  private origin!: BoardPointer;
  private hit!: NoteHit;

  override onEnter(info: { origin: BoardPointer; hit: NoteHit }): void {
    this.origin = info.origin;
    this.hit = info.hit;
  }

  override onPointerMove(e: BoardPointer): void {
    if (dragged(this.ctx, this.origin, e)) this.tool.transition('reshaping', { origin: this.origin, hit: this.hit, e });
  }

  override onPointerUp(): void {
    const { note, box } = this.hit;
    this.tool.draft.set({ region: box, target: note.target, targetBox: null, text: note.text, speaker: note.speaker, dragging: false, noteId: note.id });
    this.tool.transition('idle');
  }

  override onPointerLost(): void {
    this.tool.transition('idle');
  }

  override onCancel(): void {
    this.tool.transition('idle');
  }

  override get cursor(): string {
    return this.hit.part === 'resize' ? 'nwse-resize' : 'move';
  }
}

/** The region follows the pointer, written once per frame (others see it move); one undo step; Escape puts it back. */
export class Reshaping extends UndoableDrag<AnnotateTool> {
  readonly name = 'reshaping';
  private origin!: BoardPointer;
  private hit!: NoteHit;

  override onEnter(info: { origin: BoardPointer; hit: NoteHit; e: BoardPointer }): void {
    this.origin = info.origin;
    this.hit = info.hit;
    this.beginStep();
    this.onPointerMove(info.e);
  }

  override onPointerMove(e: BoardPointer): void {
    const box = reshapedBox(this.hit, e.x - this.origin.x, e.y - this.origin.y);
    this.ctx.frame('note-region', () => setAnnotationRegion(this.ctx.board(), this.hit.note.id, box, this.hit.targetBox));
  }

  override get cursor(): string {
    return this.hit.part === 'resize' ? 'nwse-resize' : 'move';
  }
}
