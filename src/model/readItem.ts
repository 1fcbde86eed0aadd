/**
 * Lenient reads of items from the shared document. Remote data is untrusted: an item that does not
 * validate is skipped (and reported once), never allowed to break the canvas.
 */
import * as Y from 'yjs';
import { isItemId } from '../protocol/ids';
import { decodeStrokeRecord } from './strokeRecord';
import {
  FILLS, IMAGE_TYPES, LIMITS, SHAPES, TEXT_SIZES,
  type Fill, type ImageType, type Item, type ItemBase, type ShapeType, type TextSize,
} from './schema';

const COLOR = /^#[0-9a-fA-F]{6}$/;

export function isColor(v: unknown): v is string {
  return typeof v === 'string' && COLOR.test(v);
}

function isCoord(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= LIMITS.coordinate;
}

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

function isWidth(v: unknown): v is number {
  return typeof v === 'number' && v >= LIMITS.strokeWidth.min && v <= LIMITS.strokeWidth.max;
}

/** An optional number field: absent means `fallback`. */
function optional(map: Y.Map<unknown>, key: string, fallback: number, ok: (v: unknown) => boolean): number | null {
  const v = map.get(key);
  if (v === undefined) return fallback;
  return ok(v) ? (v as number) : null;
}

function readText(map: Y.Map<unknown>): string | null {
  const t = map.get('text');
  if (!(t instanceof Y.Text)) return null;
  const s = t.toString();
  return s.length <= LIMITS.textLength ? s : s.slice(0, LIMITS.textLength);
}

function readBase(id: string, map: Y.Map<unknown>): Omit<ItemBase, 'kind'> | null {
  const author = map.get('author');
  const index = map.get('index');
  const x = map.get('x');
  const y = map.get('y');
  const rotation = optional(map, 'rotation', 0, (v) => typeof v === 'number' && Number.isFinite(v));
  if (typeof author !== 'string' || typeof index !== 'string' || !isCoord(x) || !isCoord(y) || rotation === null) return null;
  return { id, author, index, x, y, rotation };
}

const BLOB_HASH = /^[0-9a-f]{64}$/;
/** Largest natural picture size we believe (the server refuses more than 10,000 px a side). */
const MAX_PICTURE_SIDE = 100_000;

const isPositiveSize = (v: unknown): v is number => isCoord(v) && v > 0;
const isPixels = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0 && (v as number) <= MAX_PICTURE_SIDE;

function readImage(base: Omit<ItemBase, 'kind'>, map: Y.Map<unknown>): Item | null {
  const blob = map.get('blob');
  const mime = map.get('mime');
  const [pw, ph, w, h] = ['pw', 'ph', 'w', 'h'].map((k) => map.get(k));
  if (typeof blob !== 'string' || !BLOB_HASH.test(blob) || !oneOf<ImageType>(IMAGE_TYPES, mime)) return null;
  if (!isPixels(pw) || !isPixels(ph) || !isPositiveSize(w) || !isPositiveSize(h)) return null;
  return { ...base, kind: 'image', blob, mime, pw, ph, w, h };
}

function read(id: string, map: Y.Map<unknown>): Item | null {
  const base = readBase(id, map);
  if (!base) return null;
  // Pictures have no colour of their own.
  if (map.get('kind') === 'image') return readImage(base, map);
  const color = map.get('color');
  if (!isColor(color)) return null;
  switch (map.get('kind')) {
    case 'shape': {
      const shape = map.get('shape');
      const w = map.get('w');
      const h = map.get('h');
      const width = map.get('width');
      const fill = map.get('fill');
      if (!oneOf<ShapeType>(SHAPES, shape) || !isCoord(w) || !isCoord(h) || !isWidth(width) || !oneOf<Fill>(FILLS, fill)) return null;
      return { ...base, kind: 'shape', shape, w, h, color, width, fill };
    }
    case 'text': {
      const text = readText(map);
      const size = map.get('size');
      const w = optional(map, 'w', 0, (v) => isCoord(v) && (v as number) >= 0);
      if (text === null || !oneOf<TextSize>(TEXT_SIZES, size) || w === null) return null;
      return { ...base, kind: 'text', text, size, color, w };
    }
    case 'sticky': {
      const text = readText(map);
      const w = map.get('w');
      const h = map.get('h');
      if (text === null || !isCoord(w) || !isCoord(h) || w <= 0 || h <= 0) return null;
      return { ...base, kind: 'sticky', text, w, h, color };
    }
    default:
      return null;
  }
}

/** Reads one item (a stroke record or a nested map); null if it is not a valid item. */
export function readItem(id: string, value: unknown): Item | null {
  if (!isItemId(id)) return null;
  if (value instanceof Uint8Array) {
    try {
      const stroke = decodeStrokeRecord(value);
      return isColor(stroke.color) ? { id, kind: 'stroke', ...stroke } : null;
    } catch {
      return null;
    }
  }
  if (!(value instanceof Y.Map)) return null;
  return read(id, value);
}
