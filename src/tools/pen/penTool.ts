/**
 * The pen: idle -> drawing (pointer down) -> idle (pointer up commits, Escape or cancel drops).
 * Only the pointer that started a stroke drives it, so a resting palm or second finger is ignored.
 * The highlighter is the same tool with its own style; the renderer draws its strokes under ink.
 */
import type { BoardPointer } from '../../editor/input';
import type { StrokeTool } from '../../model/schema';
import type { Tool, ToolContext } from '../types';
import { Drawing } from './drawing';

export class PenTool implements Tool {
  readonly cursor = 'crosshair';
  private drawing: Drawing | null = null;

  constructor(private readonly ctx: ToolContext, readonly id: StrokeTool = 'pen') {}

  get state(): 'idle' | 'drawing' {
    return this.drawing ? 'drawing' : 'idle';
  }

  pointerDown(e: BoardPointer): void {
    if (this.drawing || !this.ctx.mayCreate(e)) return;
    this.drawing = new Drawing(this.ctx, e, this.id);
  }

  pointerMove(e: BoardPointer): void {
    if (this.drawing && e.pointerId === this.drawing.pointerId) this.drawing.add(e);
  }

  pointerUp(e: BoardPointer): void {
    const drawing = this.drawing;
    if (!drawing || e.pointerId !== drawing.pointerId) return;
    this.drawing = null;
    drawing.add(e);
    drawing.commit();
  }

  pointerLost(pointerId: number): void {
    const drawing = this.drawing;
    if (!drawing || pointerId !== drawing.pointerId) return;
    this.drawing = null;
    drawing.commit();
  }

  cancel(): void {
    const drawing = this.drawing;
    this.drawing = null;
    drawing?.cancel();
  }

  keyDown(key: string): boolean {
    if (key === 'Escape' && this.drawing) {
      this.cancel();
      return true;
    }
    return false;
  }
}
