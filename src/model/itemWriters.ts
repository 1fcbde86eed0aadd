/**
 * Writes items into Y.Maps. Local writes are strict: values are clamped and rounded here, so what
 * reaches the document always passes readItem.
 */
import * as Y from 'yjs';
import { LIMITS, TEXT_SIZES, type Item, type ItemPatch, type StrokeItem } from './schema';
import { encodeStrokeRecord } from './strokeRecord';

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

const clampScale = (v: number): number => Math.sign(v || 1) * clamp(Math.abs(v), LIMITS.scale.min, LIMITS.scale.max);

function strokeRecord(item: Omit<StrokeItem, 'id' | 'kind'>): Uint8Array {
  return encodeStrokeRecord({
    ...item,
    x: roundCoord(item.x),
    y: roundCoord(item.y),
    rotation: roundAngle(item.rotation),
    width: clamp(item.width, LIMITS.strokeWidth.min, LIMITS.strokeWidth.max),
    scaleX: clampScale(item.scaleX),
    scaleY: clampScale(item.scaleY),
  });
}

/** The value a new item is stored as: a stroke record, or a nested map for the other kinds. */
export function newItemValue(item: NewItem & { author: string; index: string }): Y.Map<unknown> | Uint8Array {
  if (item.kind === 'stroke') return strokeRecord(item);
  const map = new Y.Map<unknown>();
  // Prelim map: fields set before it is integrated land in the same transaction.
  map.set('kind', item.kind);
  map.set('author', item.author);
  map.set('index', item.index);
  map.set('x', roundCoord(item.x));
  map.set('y', roundCoord(item.y));
  if (roundAngle(item.rotation) !== 0) map.set('rotation', roundAngle(item.rotation));
  switch (item.kind) {
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
      if (item.w > 0) map.set('w', roundCoord(item.w));
      break;
    case 'sticky':
      map.set('text', newText(item.text));
      map.set('w', roundCoord(Math.max(1, item.w)));
      map.set('h', roundCoord(Math.max(1, item.h)));
      map.set('color', item.color);
      break;
    case 'image':
      map.set('blob', item.blob);
      map.set('mime', item.mime);
      map.set('pw', Math.round(item.pw));
      map.set('ph', Math.round(item.ph));
      map.set('w', roundCoord(Math.max(1, item.w)));
      map.set('h', roundCoord(Math.max(1, item.h)));
      break;
  }
  return map;
}

/** Applies a patch to an existing item, only the fields that apply to its kind. */
export function writePatch(items: Y.Map<unknown>, item: Item, patch: ItemPatch): void {
  if (item.kind === 'stroke') {
    const { id: _id, kind: _kind, ...fields } = item;
    const next = { ...fields };
    if (patch.x !== undefined) next.x = patch.x;
    if (patch.y !== undefined) next.y = patch.y;
    if (patch.index !== undefined) next.index = patch.index;
    if (patch.rotation !== undefined) next.rotation = patch.rotation;
    if (patch.color !== undefined) next.color = patch.color;
    if (patch.width !== undefined) next.width = patch.width;
    if (patch.scaleX !== undefined) next.scaleX = patch.scaleX;
    if (patch.scaleY !== undefined) next.scaleY = patch.scaleY;
    const record = strokeRecord(next);
    const old = items.get(item.id);
    if (!(old instanceof Uint8Array) || !sameBytes(old, record)) items.set(item.id, record);
    return;
  }
  const map = items.get(item.id);
  if (!(map instanceof Y.Map)) return;
  const set = (key: string, value: unknown): void => {
    if (map.get(key) !== value) map.set(key, value);
  };
  if (patch.x !== undefined) set('x', roundCoord(patch.x));
  if (patch.y !== undefined) set('y', roundCoord(patch.y));
  if (patch.index !== undefined) set('index', patch.index);
  if (patch.rotation !== undefined) setOptional(map, 'rotation', roundAngle(patch.rotation), 0);
  if (patch.color !== undefined && item.kind !== 'image') set('color', patch.color);
  if (patch.width !== undefined && item.kind === 'shape') set('width', clamp(patch.width, LIMITS.strokeWidth.min, LIMITS.strokeWidth.max));
  if (patch.fill !== undefined && item.kind === 'shape') set('fill', patch.fill);
  if (patch.size !== undefined && item.kind === 'text') set('size', patch.size);
  if (item.kind === 'shape') {
    if (patch.w !== undefined) set('w', roundCoord(patch.w));
    if (patch.h !== undefined) set('h', roundCoord(patch.h));
  }
  if (item.kind === 'sticky' || item.kind === 'image') {
    if (patch.w !== undefined) set('w', roundCoord(Math.max(1, patch.w)));
    if (patch.h !== undefined) set('h', roundCoord(Math.max(1, patch.h)));
  }
  if (item.kind === 'text' && patch.w !== undefined) setOptional(map, 'w', roundCoord(Math.max(0, patch.w)), 0);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
