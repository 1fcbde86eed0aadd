import type { BoardPointer } from '../../editor/input';
import type { Item, ItemPatch } from '../../model/schema';
import { TransformState } from './transformState';
import { translatePatch } from './transform';

/** Moving the selection; Shift keeps the move horizontal or vertical. */
export class Translating extends TransformState {
  readonly name = 'translating';
  protected readonly kind = 'translate' as const;

  override get cursor(): string {
    return 'move';
  }

  protected patch(item: Item, e: BoardPointer): ItemPatch {
    let dx = e.x - this.origin.x, dy = e.y - this.origin.y;
    if (e.shift) {
      if (Math.abs(dx) > Math.abs(dy)) dy = 0;
      else dx = 0;
    }
    return translatePatch(item, dx, dy);
  }
}
