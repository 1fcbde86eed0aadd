/** The tools as the toolbar offers them: order, plain names, shortcut keys. */
import type { ToolId } from '../../editor/editor';

export interface ToolInfo {
  id: ToolId;
  /** Accessible name and visible label. */
  name: string;
  key: string;
}

export const TOOL_GROUPS: ReadonlyArray<readonly ToolInfo[]> = [
  [
    { id: 'select', name: 'Select', key: 'V' },
    { id: 'hand', name: 'Hand', key: 'Space' },
  ],
  [
    { id: 'pen', name: 'Pen', key: 'P' },
    { id: 'highlighter', name: 'Highlighter', key: 'H' },
    { id: 'eraser', name: 'Eraser', key: 'E' },
  ],
  [
    { id: 'line', name: 'Line', key: 'L' },
    { id: 'arrow', name: 'Arrow', key: 'A' },
    { id: 'rect', name: 'Rectangle', key: 'R' },
    { id: 'ellipse', name: 'Ellipse', key: 'O' },
  ],
  [
    { id: 'text', name: 'Text', key: 'T' },
    { id: 'sticky', name: 'Sticky note', key: 'N' },
  ],
];

/** Tools only the facilitator gets (after the others, in a group of their own); no shortcut key. */
export const FACILITATOR_TOOLS: readonly ToolInfo[] = [{ id: 'laser', name: 'Laser', key: '' }];

export const ALL_TOOLS: readonly ToolInfo[] = TOOL_GROUPS.flat();

/** Tool for a single-key shortcut (lower case), if any. Space (hold) is handled by the canvas. */
export const TOOL_KEYS: Readonly<Record<string, ToolId>> = {
  v: 'select',
  p: 'pen',
  h: 'highlighter',
  e: 'eraser',
  l: 'line',
  a: 'arrow',
  r: 'rect',
  o: 'ellipse',
  t: 'text',
  n: 'sticky',
};
