import type { Vec } from '../../geometry/camera';
import { rotationDelta } from '../../geometry/handles';
import type { BoardPointer } from '../../editor/input';
import type { Item, ItemPatch } from '../../model/schema';
import { TransformState } from './transformState';
import { rotatePatch } from './transform';

/** Dragging the rotate knob turns the selection around its centre; Shift snaps to 15 degrees. */
export class Rotating extends TransformState {
  readonly name = 'rotating';
  protected readonly kind = 'rotate' as const;
  private centre: Vec = { x: 0, y: 0 };

  override get cursor(): string {
    return 'grabbing';
  }

  protected override prepare(): void {
    const b = this.ctx.scene().boundsOf(this.items.map((i) => i.id));
    if (b) this.centre = { x: (b.minX + b.maxX) / 2, y: (b.minY + b.maxY) / 2 };
  }

  protected patch(item: Item, e: BoardPointer): ItemPatch {
    return rotatePatch(item, this.centre, rotationDelta(this.centre, this.origin, e, !!e.shift));
  }
}
