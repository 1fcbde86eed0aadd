/**
 * Z-order moves as new fractional indexes for the moved items only: concurrent reorders by two
 * people never rewrite each other's items.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { Item } from './schema';

export type ZMove = 'forward' | 'backward' | 'front' | 'back';

/**
 * `all` is every item bottom to top; returns new indexes for the selected ones. Forward/backward
 * step past the next unselected item that overlaps nothing in particular: one step in the stack.
 */
export function reorder(all: readonly Item[], selected: ReadonlySet<string>, move: ZMove): Map<string, string> {
  const out = new Map<string, string>();
  const picked = all.filter((i) => selected.has(i.id));
  if (picked.length === 0) return out;
  const rest = all.filter((i) => !selected.has(i.id));
  let lo: string | null, hi: string | null;
  switch (move) {
    case 'front':
      lo = rest.at(-1)?.index ?? null;
      hi = null;
      break;
    case 'back':
      lo = null;
      hi = rest[0]?.index ?? null;
      break;
    case 'forward': {
      // Just above the first unselected item that is above the topmost selected one.
      const top = all.indexOf(picked.at(-1)!);
      const next = all.slice(top + 1).find((i) => !selected.has(i.id));
      if (!next) return out;
      lo = next.index;
      hi = all.slice(all.indexOf(next) + 1).find((i) => !selected.has(i.id))?.index ?? null;
      break;
    }
    case 'backward': {
      const bottom = all.indexOf(picked[0]!);
      const prevs = all.slice(0, bottom).filter((i) => !selected.has(i.id));
      const prev = prevs.at(-1);
      if (!prev) return out;
      lo = prevs.at(-2)?.index ?? null;
      hi = prev.index;
      break;
    }
  }
  if (lo !== null && hi !== null && lo >= hi) hi = null; // equal indexes from concurrent inserts
  const keys = generateNKeysBetween(lo, hi, picked.length);
  picked.forEach((item, i) => out.set(item.id, keys[i]!));
  return out;
}

export function indexAbove(top: string | null): string {
  return generateKeyBetween(top, null);
}
