import type { Box } from '../../geometry/box';
import { resizeScale, type ResizeHandle } from '../../geometry/handles';
import type { BoardPointer } from '../../editor/input';
import type { Item, ItemPatch } from '../../model/schema';
import { TransformState } from './transformState';
import { resizePatch } from './transform';

/** Dragging a resize handle: the opposite side stays put; Shift keeps the proportions. */
export class Resizing extends TransformState {
  readonly name = 'resizing';
  protected readonly kind = 'resize' as const;
  private handle: ResizeHandle = 'se';
  private bounds: Box = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  private widths = new Map<string, number>();

  override onEnter(info: { origin: BoardPointer; handle: ResizeHandle }): void {
    this.handle = info.handle;
    super.onEnter(info);
  }

  protected override prepare(): void {
    const scene = this.ctx.scene();
    this.bounds = scene.boundsOf(this.items.map((i) => i.id)) ?? this.bounds;
    this.widths.clear();
    for (const item of this.items) {
      if (item.kind !== 'text') continue;
      const b = scene.outline(item.id)?.box;
      this.widths.set(item.id, item.w > 0 ? item.w : b ? b.maxX - b.minX : 0);
    }
  }

  protected patch(item: Item, e: BoardPointer): ItemPatch {
    // Pictures keep their proportions unless Shift says otherwise (a stretched photo looks wrong).
    const keep = this.items.some((i) => i.kind === 'image') ? !e.shift : !!e.shift;
    const scale = resizeScale(this.bounds, this.handle, e, keep);
    return resizePatch(item, scale, this.widths.get(item.id) ?? 0);
  }
}
