/**
 * Line, Arrow, Rectangle and Ellipse: drag out a shape (Shift: square, circle, or 45-degree steps).
 * States: idle, pointing (pressed, not yet dragged), drawing.
 */
import type { ShapeType } from '../../model/schema';
import { StateTool } from '../framework';
import type { ToolContext } from '../types';
import { Drawing } from './drawing';
import { Idle } from './idle';
import { Pointing } from './pointing';

export const SHAPE_TOOL_IDS = { rect: 'rect', ellipse: 'ellipse', line: 'line', arrow: 'arrow' } as const;
/** Size of a rectangle or ellipse made by a click without a drag (board px). */
export const CLICK_SIZE = { w: 160, h: 100 } as const;

export class ShapeTool extends StateTool {
  readonly id: ShapeType;

  constructor(ctx: ToolContext, readonly shape: ShapeType) {
    super(ctx);
    this.id = shape;
    this.init(new Idle(this), new Pointing(this), new Drawing(this));
  }

  get isBox(): boolean {
    return this.shape === 'rect' || this.shape === 'ellipse';
  }

  newShape(x: number, y: number, w: number, h: number) {
    const style = this.ctx.editor.styleFor(this.shape);
    return {
      kind: 'shape' as const,
      shape: this.shape,
      x, y, w, h,
      rotation: 0,
      color: style.color,
      width: style.width,
      fill: this.isBox ? style.fill : ('none' as const),
    };
  }
}
