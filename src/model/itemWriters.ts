/**
 * Writes items into Y.Maps. Local writes are strict: values are clamped and rounded here, so what
 * reaches the document always passes readItem.
 */
import * as Y from 'yjs';
import { LIMITS, TEXT_SIZES, type Item, type ItemPatch } from './schema';

/** What a new item needs; the board adds id, author and index. */
export type NewItem = Item extends infer T ? (T extends Item ? Omit<T, 'id' | 'author' | 'index'> : never) : never;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
/** 0.1 px is finer than anyone can see or point; integers are cheapest for Yjs. */
export const roundCoord = (v: number): number => clamp(Math.round(v * 10) / 10, -LIMITS.coordinate, LIMITS.coordinate);
const roundAngle = (deg: number): number => {
  const d = ((Math.round(deg * 100) / 100) % 360 + 360) % 360;
  return d > 180 ? d - 360 : d;
};

function setOptional(map: Y.Map<unknown>, key: string, value: number, absentWhen: number): void {
  if (value === absentWhen) {
    if (map.has(key)) map.delete(key);
  } else map.set(key, value);
}

function newText(value: string): Y.Text {
  return new Y.Text(value.slice(0, LIMITS.textLength));
}

/** Fills a fresh map for a new item. */
export function writeNewItem(map: Y.Map<unknown>, item: NewItem & { author: string; index: string }): void {
  map.set('kind', item.kind);
  map.set('author', item.author);
  map.set('index', item.index);
  map.set('x', roundCoord(item.x));
  map.set('y', roundCoord(item.y));
  setOptional(map, 'rotation', roundAngle(item.rotation), 0);
  switch (item.kind) {
    case 'stroke':
      map.set('tool', item.tool);
      map.set('color', item.color);
      map.set('width', clamp(item.width, LIMITS.strokeWidth.min, LIMITS.strokeWidth.max));
      setOptional(map, 'scaleX', item.scaleX, 1);
      setOptional(map, 'scaleY', item.scaleY, 1);
      map.set('points', item.points);
      break;
    case 'shape':
      map.set('shape', item.shape);
      map.set('w', roundCoord(item.w));
      map.set('h', roundCoord(item.h));
      map.set('color', item.color);
      map.set('width', clamp(item.width, LIMITS.strokeWidth.min, LIMITS.strokeWidth.max));
      map.set('fill', item.fill);
      break;
    case 'text':
      map.set('text', newText(item.text));
      map.set('size', TEXT_SIZES.includes(item.size) ? item.size : 'm');
      map.set('color', item.color);
      setOptional(map, 'w', roundCoord(Math.max(0, item.w)), 0);
      break;
    case 'sticky':
      map.set('text', newText(item.text));
      map.set('w', roundCoord(Math.max(1, item.w)));
      map.set('h', roundCoord(Math.max(1, item.h)));
      map.set('color', item.color);
      break;
  }
}

/** Applies a patch to an existing item's map, only the fields that apply to its kind. */
export function writePatch(map: Y.Map<unknown>, item: Item, patch: ItemPatch): void {
  const set = (key: string, value: unknown): void => {
    if (map.get(key) !== value) map.set(key, value);
  };
  if (patch.x !== undefined) set('x', roundCoord(patch.x));
  if (patch.y !== undefined) set('y', roundCoord(patch.y));
  if (patch.index !== undefined) set('index', patch.index);
  if (patch.rotation !== undefined) setOptional(map, 'rotation', roundAngle(patch.rotation), 0);
  if (patch.color !== undefined) set('color', patch.color);
  if (patch.width !== undefined && (item.kind === 'stroke' || item.kind === 'shape')) {
    set('width', clamp(patch.width, LIMITS.strokeWidth.min, LIMITS.strokeWidth.max));
  }
  if (patch.fill !== undefined && item.kind === 'shape') set('fill', patch.fill);
  if (patch.size !== undefined && item.kind === 'text') set('size', patch.size);
  if (item.kind === 'shape') {
    if (patch.w !== undefined) set('w', roundCoord(patch.w));
    if (patch.h !== undefined) set('h', roundCoord(patch.h));
  }
  if (item.kind === 'sticky') {
    if (patch.w !== undefined) set('w', roundCoord(Math.max(1, patch.w)));
    if (patch.h !== undefined) set('h', roundCoord(Math.max(1, patch.h)));
  }
  if (item.kind === 'text' && patch.w !== undefined) setOptional(map, 'w', roundCoord(Math.max(0, patch.w)), 0);
  if (item.kind === 'stroke') {
    const scale = (v: number): number => Math.sign(v || 1) * clamp(Math.abs(v), LIMITS.scale.min, LIMITS.scale.max);
    if (patch.scaleX !== undefined) setOptional(map, 'scaleX', scale(patch.scaleX), 1);
    if (patch.scaleY !== undefined) setOptional(map, 'scaleY', scale(patch.scaleY), 1);
  }
}
