/**
 * All tools of one screen and the one the editor says is current. The canvas talks to this; a tool
 * switch in the middle of a gesture cancels that gesture first.
 */
import type { Editor, ToolId } from '../editor/editor';
import type { BoardPointer } from '../editor/input';
import { AnnotateTool } from './annotate/annotateTool';
import { EraserTool } from './eraser/eraserTool';
import { HandTool } from './hand/handTool';
import { LaserTool } from './laser/laserTool';
import { createHighlighter } from './highlighter/highlighterTool';
import { PenTool } from './pen/penTool';
import { SelectTool } from './select/selectTool';
import { ShapeTool } from './shape/shapeTool';
import { StickyTool } from './sticky/stickyTool';
import { TextTool } from './text/textTool';
import type { Tool, ToolContext } from './types';

export function createTools(ctx: ToolContext): Record<ToolId, Tool> {
  return {
    select: new SelectTool(ctx),
    hand: new HandTool(ctx),
    pen: new PenTool(ctx, 'pen'),
    highlighter: createHighlighter(ctx),
    eraser: new EraserTool(ctx),
    line: new ShapeTool(ctx, 'line'),
    arrow: new ShapeTool(ctx, 'arrow'),
    rect: new ShapeTool(ctx, 'rect'),
    ellipse: new ShapeTool(ctx, 'ellipse'),
    text: new TextTool(ctx),
    sticky: new StickyTool(ctx),
    annotate: new AnnotateTool(ctx),
    laser: new LaserTool(ctx),
  };
}

export class ToolManager implements Tool {
  private active: ToolId;
  private readonly off: () => void;

  constructor(private readonly editor: Editor, readonly tools: Record<ToolId, Tool>) {
    this.active = editor.tool;
    this.off = editor.subscribe(() => {
      if (editor.tool === this.active) return;
      this.tools[this.active].cancel();
      this.active = editor.tool;
    });
  }

  destroy(): void {
    this.off();
    this.tools[this.active].cancel();
  }

  get current(): Tool {
    return this.tools[this.editor.tool];
  }
  get id(): string {
    return this.current.id;
  }
  get state(): string {
    return this.current.state;
  }
  get cursor(): string {
    return this.current.cursor ?? 'default';
  }
  /** True while a press is being turned into something (the canvas keeps other gestures out). */
  get busy(): boolean {
    return this.current.state !== 'idle' && this.current.state !== 'editing';
  }

  pointerDown(e: BoardPointer): void {
    this.editor.pointer = { x: e.x, y: e.y };
    this.current.pointerDown(e);
  }
  pointerMove(e: BoardPointer): void {
    this.editor.pointer = { x: e.x, y: e.y };
    this.current.pointerMove(e);
  }
  pointerUp(e: BoardPointer): void {
    this.current.pointerUp(e);
  }
  pointerLost(pointerId: number): void {
    this.current.pointerLost(pointerId);
  }
  cancel(): void {
    this.current.cancel();
  }
  keyDown(key: string): boolean {
    return this.current.keyDown(key);
  }
}
