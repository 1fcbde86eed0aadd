/**
 * Items as plain JSON, for copy/paste within and across boards (and later the board file).
 * Parsing goes through the same validation as remote data (readItem), so nothing pasted can put an
 * item into the document that other screens would refuse.
 */
import * as Y from 'yjs';
import { fromBase64, toBase64 } from '../lib/base64';
import { readItem } from './readItem';
import type { Item } from './schema';

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
    return readItem(typeof rec.id === 'string' ? rec.id : 'pasteditem', map);
  } catch {
    return null;
  } finally {
    doc.destroy();
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
