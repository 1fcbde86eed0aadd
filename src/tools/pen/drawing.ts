/**
 * The pen's "drawing" state: one stroke in progress. Collects points, streams them to the live
 * sink, and commits them as one item under the id the live preview announced.
 */
import type { BoardPointer } from '../../editor/input';
import type { StrokeTool } from '../../model/schema';
import { LIMITS } from '../../model/schema';
import type { ToolContext } from '../types';

/** RDP tolerance in screen px: invisible under any stroke width, and it keeps 25-65 % of points. */
/** Samples closer than this (screen px) to the previous one add nothing but bytes. */
const MIN_STEP_SCREEN_PX = 0.5;

export class Drawing {
  readonly pointerId: number;
  private id: string;
  private points: number[] = [];
  private readonly color: string;
  private readonly width: number;

  constructor(private readonly ctx: ToolContext, first: BoardPointer, private readonly tool: StrokeTool = 'pen') {
    this.pointerId = first.pointerId;
    const style = ctx.editor.styleFor(tool);
    this.color = style.color;
    this.width = style.width;
    this.id = this.begin(first);
  }

  get itemId(): string {
    return this.id;
  }

  get pointCount(): number {
    return this.points.length / 3;
  }

  add(e: BoardPointer): void {
    const n = this.points.length;
    const minStep = MIN_STEP_SCREEN_PX / this.ctx.editor.camera.zoom;
    const dx = e.x - this.points[n - 3]!;
    const dy = e.y - this.points[n - 2]!;
    if (dx * dx + dy * dy < minStep * minStep) return;
    // A very long gesture becomes several strokes: each stays under the model's point limit.
    if (this.pointCount >= LIMITS.strokePoints) {
      const lastX = this.points[n - 3]!, lastY = this.points[n - 2]!, lastP = this.points[n - 1]!;
      this.commit();
      this.id = this.begin({ ...e, x: lastX, y: lastY, pressure: lastP });
    }
    this.push(e);
  }

  /** Commits the stroke; returns its item id. */
  commit(): string {
    // The points are stored as drawn: the committed ink must look exactly like the live preview,
    // and simplifying first saves almost no bytes with the predictive codec (bench/bytes).
    try {
      return this.ctx.board().addStroke({ id: this.id, tool: this.tool, color: this.color, width: this.width, points: this.points });
    } finally {
      // Even if the commit is refused, the preview must not linger on anyone's screen.
      this.ctx.live.end();
    }
  }

  cancel(): void {
    this.ctx.live.end();
  }

  private begin(first: BoardPointer): string {
    const id = this.ctx.newId();
    this.points = [];
    this.ctx.live.start({ itemId: id, tool: this.tool, color: this.color, width: this.width });
    this.push(first);
    return id;
  }

  private push(e: BoardPointer): void {
    this.points.push(e.x, e.y, e.pressure);
    this.ctx.live.points([e.x, e.y, e.pressure]);
  }
}
