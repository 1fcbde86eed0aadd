import type { BoardPointer } from '../../editor/input';
import { boxFromPoints } from '../../geometry/handles';
import { GestureState } from '../framework';
import type { SelectTool } from './selectTool';

/** The marquee: everything it touches is selected (Shift adds to what was selected). */
export class Brushing extends GestureState<SelectTool> {
  readonly name = 'brushing';
  private origin!: BoardPointer;
  private base: readonly string[] = [];

  override onEnter(info: { origin: BoardPointer; base: readonly string[]; e: BoardPointer }): void {
    this.origin = info.origin;
    this.base = info.base;
    this.ctx.editor.setTransform({ kind: 'brush' });
    this.update(info.e);
  }

  override onExit(): void {
    this.ctx.editor.setMarquee(null);
    this.ctx.editor.setTransform(null);
  }

  override onPointerMove(e: BoardPointer): void {
    this.update(e);
  }

  private update(e: BoardPointer): void {
    const box = boxFromPoints(this.origin, e);
    this.ctx.editor.setMarquee(box);
    const hits = this.ctx.scene().itemsInBox(box).map((i) => i.id);
    const ids = [...this.base];
    for (const id of hits) if (!ids.includes(id)) ids.push(id);
    this.ctx.editor.select(ids);
  }

  override onPointerUp(): void {
    this.tool.transition('idle');
  }

  override onPointerLost(): void {
    this.tool.transition('idle');
  }

  override onCancel(): void {
    this.ctx.editor.select(this.base);
    this.tool.transition('idle');
  }

}
