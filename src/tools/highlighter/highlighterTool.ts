/**
 * Highlighter: the pen's states with a wide, translucent style of its own; its strokes are stored
 * with tool 'highlighter' and the renderer draws them under pen ink.
 */
import { PenTool } from '../pen/penTool';
import type { ToolContext } from '../types';

export function createHighlighter(ctx: ToolContext): PenTool {
  return new PenTool(ctx, 'highlighter');
}
