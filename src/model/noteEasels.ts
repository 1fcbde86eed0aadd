/**
 * Easels as note targets, read leniently from `frames` (the easel work owns the full reader; this
 * needs only an easel's id, owner, name and box, and skips anything that does not validate).
 */
import * as Y from 'yjs';
import type { Box } from '../geometry/box';
import type { Easel } from './schema';

export interface EaselTarget {
  id: string;
  owner: Easel['owner'];
  name: Easel['name'];
  box: Box;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function readEaselTargets(doc: Y.Doc): EaselTarget[] {
  const out: EaselTarget[] = [];
  doc.getMap<unknown>('frames').forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const m = value as Y.Map<unknown>;
    const owner = m.get('owner'), name = m.get('name');
    const x = m.get('x'), y = m.get('y'), w = m.get('w'), h = m.get('h');
    if (typeof owner !== 'string' || !finite(x) || !finite(y) || !finite(w) || !finite(h) || w <= 0 || h <= 0) return;
    out.push({ id, owner, name: typeof name === 'string' ? name : '', box: { minX: x, minY: y, maxX: x + w, maxY: y + h } });
  });
  return out;
}

/** Calls `listener` on any change to the easels. Returns the unsubscribe. */
export function observeEasels(doc: Y.Doc, listener: () => void): () => void {
  const frames = doc.getMap<unknown>('frames');
  frames.observeDeep(listener);
  return () => frames.unobserveDeep(listener);
}
