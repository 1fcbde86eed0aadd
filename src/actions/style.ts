/**
 * Style changes from the style panel: they set the current tool's remembered style and, with the
 * select tool, restyle the selected items this person may change (one undo step).
 */
import type { BoardContext } from '../editor/context';
import { isStyledTool, type ToolStyle } from '../editor/editor';
import { INK_WIDTHS, widthsFor } from '../editor/palette';
import type { Item, ItemPatch } from '../model/schema';
import { selectedItems } from './selection';

/** Which style controls apply to a set of items, and their current values (from the first that has each). */
export interface StyleTarget {
  color: string | null;
  /** Sticky paper colours instead of ink colours. */
  paper: boolean;
  width: { index: number; highlighter: boolean } | null;
  fill: ToolStyle['fill'] | null;
  size: ToolStyle['size'] | null;
}

function widthIndex(item: Item): number {
  if (item.kind !== 'stroke' && item.kind !== 'shape') return -1;
  const list = item.kind === 'stroke' ? widthsFor(item.tool) : INK_WIDTHS;
  let best = 0;
  list.forEach((w, i) => {
    if (Math.abs(w.value - item.width) < Math.abs(list[best]!.value - item.width)) best = i;
  });
  return best;
}

export function styleOfItems(items: readonly Item[]): StyleTarget | null {
  if (items.length === 0) return null;
  const paper = items.every((i) => i.kind === 'sticky');
  const inked = items.filter((i) => i.kind !== 'sticky' && i.kind !== 'image');
  const sized = items.find((i) => i.kind === 'stroke' || i.kind === 'shape');
  const filled = items.find((i) => i.kind === 'shape' && (i.shape === 'rect' || i.shape === 'ellipse'));
  const text = items.find((i) => i.kind === 'text');
  const target: StyleTarget = {
    color: paper && items[0]!.kind === 'sticky' ? items[0]!.color : (inked[0]?.color ?? null),
    paper,
    width: sized ? { index: widthIndex(sized), highlighter: sized.kind === 'stroke' && sized.tool === 'highlighter' } : null,
    fill: filled?.kind === 'shape' ? filled.fill : null,
    size: text?.kind === 'text' ? text.size : null,
  };
  // Nothing to style (pictures only): no panel at all.
  return target.color === null && !target.width && target.fill === null && target.size === null ? null : target;
}

export type StyleChange = { color: string } | { widthIndex: number } | { fill: ToolStyle['fill'] } | { size: ToolStyle['size'] };

function patchFor(item: Item, change: StyleChange): ItemPatch | null {
  if ('color' in change) {
    return item.kind === 'sticky' || item.kind === 'image' ? null : { color: change.color };
  }
  if ('widthIndex' in change) {
    if (item.kind === 'stroke') return { width: widthsFor(item.tool)[change.widthIndex]!.value };
    if (item.kind === 'shape') return { width: INK_WIDTHS[change.widthIndex]!.value };
    return null;
  }
  if ('fill' in change) return item.kind === 'shape' && (item.shape === 'rect' || item.shape === 'ellipse') ? { fill: change.fill } : null;
  return item.kind === 'text' ? { size: change.size } : null;
}

/** Paper colours go only to stickies; ink colours to everything else. */
function paperPatch(item: Item, change: StyleChange, paper: boolean): ItemPatch | null {
  if (paper && 'color' in change) return item.kind === 'sticky' ? { color: change.color } : null;
  return patchFor(item, change);
}

export function applyStyle(ctx: BoardContext, change: StyleChange): void {
  const { editor } = ctx;
  const tool = editor.tool;
  if (tool === 'select') {
    const items = selectedItems(ctx);
    const target = styleOfItems(items);
    const patches = new Map<string, ItemPatch>();
    for (const item of items) {
      if (!ctx.may('change', item)) continue;
      const p = paperPatch(item, change, !!target?.paper);
      if (p) patches.set(item.id, p);
    }
    if (patches.size > 0) ctx.board().updateItems(patches);
    return;
  }
  if (!isStyledTool(tool)) return;
  if ('widthIndex' in change) editor.setToolStyle({ width: widthsFor(tool)[change.widthIndex]!.value });
  else editor.setToolStyle(change);
}
