/**
 * Items as plain JSON, for copy/paste within and across boards (and later the board file).
 * Parsing goes through the same validation as remote data (readItem), so nothing pasted can put an
 * item into the document that other screens would refuse.
 */
import * as Y from 'yjs';
import { fromBase64, toBase64 } from '../lib/base64';
import { readItem } from './readItem';
import type { Item } from './schema';
import { encodeStrokeRecord } from './strokeRecord';
import { isColor } from './readItem';

export const CLIPBOARD_MIME = 'application/x-sketchroom-items';
export const CLIPBOARD_VERSION = 1;

export interface ClipboardPayload {
  type: 'sketchroom/items';
  version: number;
  items: Array<Record<string, unknown>>;
}

export function itemToJson(item: Item): Record<string, unknown> {
  const out: Record<string, unknown> = { ...item };
  if (item.kind === 'stroke') out.points = toBase64(item.points);
  return out;
}

export function toClipboard(items: readonly Item[]): ClipboardPayload {
  return { type: 'sketchroom/items', version: CLIPBOARD_VERSION, items: items.map(itemToJson) };
}

const MAX_ITEMS = 5000;

/** Validates one JSON item; null when it is not a valid item. */
export function itemFromJson(raw: unknown): Item | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const rec = raw as Record<string, unknown>;
  const id = typeof rec.id === 'string' ? rec.id : 'pasteditem';
  if (rec.kind === 'stroke') return strokeFromJson(id, rec);
  const doc = new Y.Doc();
  const map = new Y.Map<unknown>();
  doc.getMap('scratch').set('item', map);
  try {
    for (const [key, value] of Object.entries(rec)) {
      if (key === 'id') continue;
      if (key === 'text' && typeof value === 'string') map.set(key, new Y.Text(value));
      else if (key === 'points' && typeof value === 'string') map.set(key, fromBase64(value));
      else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') map.set(key, value);
    }
    return readItem(id, map);
  } catch {
    return null;
  } finally {
    doc.destroy();
  }
}

const num = (v: unknown, fallback?: number): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : v === undefined && fallback !== undefined ? fallback : null;

/** A stroke from JSON: encoded into a record and read back through the same validator. */
function strokeFromJson(id: string, rec: Record<string, unknown>): Item | null {
  const [x, y, width] = [num(rec.x), num(rec.y), num(rec.width)];
  const [rotation, scaleX, scaleY] = [num(rec.rotation, 0), num(rec.scaleX, 1), num(rec.scaleY, 1)];
  const { author, index, color, tool, points } = rec;
  if (x === null || y === null || width === null || rotation === null || scaleX === null || scaleY === null) return null;
  if (typeof author !== 'string' || typeof index !== 'string' || !isColor(color) || typeof points !== 'string') return null;
  if (tool !== 'pen' && tool !== 'highlighter') return null;
  try {
    const record = encodeStrokeRecord({ author, index, x, y, rotation, scaleX, scaleY, width, color, tool, points: fromBase64(points) });
    return readItem(id, record);
  } catch {
    return null;
  }
}

/** Parses clipboard text; null when it is not ours. Invalid items inside are dropped. */
export function parseClipboard(text: string): Item[] | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const p = data as Partial<ClipboardPayload>;
  if (p.type !== 'sketchroom/items' || !Array.isArray(p.items)) return null;
  return p.items.slice(0, MAX_ITEMS).map(itemFromJson).filter((i): i is Item => i !== null);
}
