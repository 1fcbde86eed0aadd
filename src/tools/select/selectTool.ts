/**
 * Select: click, Shift-click, marquee; move, resize and rotate what is selected; double-click a
 * text or note to edit it. States: idle, pointingItem, pointingCanvas, brushing, translating,
 * resizing, rotating.
 */
import { handleAt, selectionHandles, type Handle } from '../../geometry/handles';
import type { BoardPointer } from '../../editor/input';
import { HIT_TOLERANCE } from '../../editor/sceneIndex';
import type { Item } from '../../model/schema';
import { StateTool } from '../framework';
import type { ToolContext } from '../types';
import { Brushing } from './brushing';
import { Idle } from './idle';
import { PointingCanvas } from './pointingCanvas';
import { PointingItem } from './pointingItem';
import { Resizing } from './resizing';
import { Rotating } from './rotating';
import { Translating } from './translating';

const DOUBLE_CLICK_MS = 450;

export class SelectTool extends StateTool {
  readonly id = 'select';
  private lastClick: { id: string; time: number; x: number; y: number } | null = null;

  constructor(ctx: ToolContext) {
    super(ctx);
    this.defaultCursor = 'default';
    this.init(new Idle(this), new PointingItem(this), new PointingCanvas(this), new Brushing(this), new Translating(this), new Resizing(this), new Rotating(this));
  }

  tolerance(e: BoardPointer): number {
    return (e.kind === 'touch' ? HIT_TOLERANCE.touch : HIT_TOLERANCE.mouse) / this.ctx.editor.camera.zoom;
  }

  itemAt(e: BoardPointer): Item | null {
    return this.ctx.scene().itemAt(e, this.tolerance(e));
  }

  /** Selected items this person may change (a selection of others' work cannot be moved). */
  changeable(): Item[] {
    const board = this.ctx.board();
    const items = this.ctx.editor.selection.map((id) => board.getItem(id)).filter((i): i is Item => !!i);
    return items.every((i) => this.ctx.may('change', i)) ? items : [];
  }

  handles(): Handle[] {
    const { selection, camera } = this.ctx.editor.state.get();
    if (selection.length === 0) return [];
    const bounds = this.ctx.scene().boundsOf(selection);
    return bounds ? selectionHandles(bounds, camera.zoom) : [];
  }

  handleAt(e: BoardPointer): Handle | null {
    if (this.changeable().length === 0) return null;
    return handleAt(this.handles(), e, this.ctx.editor.camera.zoom, e.kind === 'touch');
  }

  noteClick(id: string, e: BoardPointer): void {
    this.lastClick = { id, time: e.time, x: e.x, y: e.y };
  }

  isDoubleClick(id: string, e: BoardPointer): boolean {
    const c = this.lastClick;
    if (!c || c.id !== id) return false;
    const near = Math.hypot(c.x - e.x, c.y - e.y) * this.ctx.editor.camera.zoom < 8;
    return near && e.time - c.time < DOUBLE_CLICK_MS;
  }

  clearClick(): void {
    this.lastClick = null;
  }
}
