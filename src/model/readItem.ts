/**
 * Lenient reads of items from the shared document. Remote data is untrusted: an item that does not
 * validate is skipped (and reported once), never allowed to break the canvas.
 */
import * as Y from 'yjs';
import { isItemId } from '../protocol/ids';
import { LIMITS, STROKE_TOOLS, type Item, type StrokeItem, type StrokeTool } from './schema';

const COLOR = /^#[0-9a-fA-F]{6}$/;

function isFiniteCoord(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= LIMITS.coordinate;
}

export function isColor(v: unknown): v is string {
  return typeof v === 'string' && COLOR.test(v);
}

function readStroke(id: string, map: Y.Map<unknown>): StrokeItem | null {
  const author = map.get('author');
  const index = map.get('index');
  const x = map.get('x');
  const y = map.get('y');
  const tool = map.get('tool');
  const color = map.get('color');
  const width = map.get('width');
  const points = map.get('points');
  if (typeof author !== 'string' || typeof index !== 'string' || !isFiniteCoord(x) || !isFiniteCoord(y)) return null;
  if (!STROKE_TOOLS.includes(tool as StrokeTool) || !isColor(color)) return null;
  if (typeof width !== 'number' || !(width >= LIMITS.strokeWidth.min && width <= LIMITS.strokeWidth.max)) return null;
  if (!(points instanceof Uint8Array)) return null;
  return { id, kind: 'stroke', author, index, x, y, tool: tool as StrokeTool, color, width, points };
}

/** Reads one item map; null if it is not a valid item of a known kind. */
export function readItem(id: string, value: unknown): Item | null {
  if (!isItemId(id) || !(value instanceof Y.Map)) return null;
  switch (value.get('kind')) {
    case 'stroke':
      return readStroke(id, value);
    default:
      return null;
  }
}
