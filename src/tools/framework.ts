/**
 * A tiny tool framework after tldraw's StateNode: a tool is a set of named states; the current
 * state gets the events and may hand over to another with `transition(name, info)`. Each state is
 * a small class in its own file.
 */
import type { BoardPointer } from '../editor/input';
import type { Tool, ToolContext } from './types';

export abstract class ToolState<T extends StateTool = StateTool> {
  abstract readonly name: string;
  constructor(protected readonly tool: T) {}

  protected get ctx(): ToolContext {
    return this.tool.ctx;
  }

  onEnter(_info?: unknown): void {}
  onExit(): void {}
  onPointerDown(_e: BoardPointer): void {}
  onPointerMove(_e: BoardPointer): void {}
  onPointerUp(_e: BoardPointer): void {}
  /** Default: a lost pointer ends the gesture like an 'up' where it was last seen. */
  onPointerLost(_pointerId: number): void {}
  onCancel(): void {}
  onKeyDown(_key: string): boolean {
    return false;
  }
  /** Cursor while in this state; undefined = the tool's. */
  get cursor(): string | undefined {
    return undefined;
  }
}

/** A state in the middle of a gesture (a drag): Escape cancels it, whatever the tool. */
export abstract class GestureState<T extends StateTool = StateTool> extends ToolState<T> {
  override onKeyDown(key: string): boolean {
    if (key !== 'Escape') return false;
    this.onCancel();
    return true;
  }
}

/** A drag that ends on release (where the pointer let go counts) or when the pointer is lost. */
export abstract class Drag<T extends StateTool = StateTool> extends GestureState<T> {
  override onPointerUp(e: BoardPointer): void {
    this.onPointerMove(e);
    this.finish();
  }

  override onPointerLost(): void {
    this.finish();
  }

  protected abstract finish(): void;
}

/**
 * A drag that writes the document as the pointer moves (at most once per animation frame, so other
 * screens follow live): one undo step from press to release; Escape drops the pending frame and
 * takes the step back, leaving no undo entry. Subclasses call beginStep() on enter and write in
 * onPointerMove through ctx.frame().
 */
export abstract class UndoableDrag<T extends StateTool = StateTool> extends Drag<T> {
  protected beginStep(): void {
    this.ctx.board().history.beginStep();
  }

  override onCancel(): void {
    this.ctx.dropFrames();
    this.ctx.board().history.cancelStep();
    this.leave();
  }

  protected override finish(): void {
    this.ctx.flushFrames();
    this.ctx.board().history.endStep();
    this.leave();
  }

  /** After the step ended or was taken back: back to idle (subclasses clear their own marks first). */
  protected leave(): void {
    this.tool.transition('idle');
  }
}

export abstract class StateTool implements Tool {
  abstract readonly id: string;
  protected states = new Map<string, ToolState>();
  private current: ToolState | null = null;
  protected defaultCursor = 'crosshair';

  constructor(readonly ctx: ToolContext) {}

  /** Registers the states; the first is where the tool starts. */
  protected init(...states: ToolState[]): void {
    for (const s of states) this.states.set(s.name, s);
    this.current = states[0] ?? null;
  }

  get state(): string {
    return this.current?.name ?? 'idle';
  }

  get cursor(): string {
    return this.current?.cursor ?? this.defaultCursor;
  }

  transition(name: string, info?: unknown): void {
    const next = this.states.get(name);
    if (!next) throw new Error(`no state ${name} in tool ${this.id}`);
    this.current?.onExit();
    this.current = next;
    next.onEnter(info);
  }

  /**
   * Only the pointer that pressed drives a gesture: a resting palm or a second finger is ignored
   * until it lifts. Moves without a press (hover) pass through while no gesture is on.
   */
  private activePointer: number | null = null;

  pointerDown(e: BoardPointer): void {
    if (this.activePointer !== null && this.activePointer !== e.pointerId) return;
    this.activePointer = e.pointerId;
    this.current?.onPointerDown(e);
  }
  pointerMove(e: BoardPointer): void {
    if (this.activePointer !== null && this.activePointer !== e.pointerId) return;
    this.current?.onPointerMove(e);
  }
  pointerUp(e: BoardPointer): void {
    if (this.activePointer !== e.pointerId) return;
    this.activePointer = null;
    this.current?.onPointerUp(e);
  }
  pointerLost(pointerId: number): void {
    if (this.activePointer !== pointerId) return;
    this.activePointer = null;
    this.current?.onPointerLost(pointerId);
  }
  cancel(): void {
    this.activePointer = null;
    this.current?.onCancel();
  }
  keyDown(key: string): boolean {
    return this.current?.onKeyDown(key) ?? false;
  }
}

/** Screen px a pointer must travel before a press becomes a drag. */
export const DRAG_THRESHOLD = { mouse: 3, touch: 8 } as const;

export function dragged(ctx: ToolContext, from: { x: number; y: number }, e: BoardPointer): boolean {
  const px = (e.kind === 'touch' ? DRAG_THRESHOLD.touch : DRAG_THRESHOLD.mouse) / ctx.editor.camera.zoom;
  return Math.hypot(e.x - from.x, e.y - from.y) > px;
}
