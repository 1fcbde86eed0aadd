/**
 * What a new note is pinned to, chosen once when it is made, from boxes only (pure):
 * 1. the topmost candidate whose box contains most (> 50 %) of the dragged region (a region drawn
 *    on part of a photo, a drawing or an easel);
 * 2. else the largest candidate lying mostly (> 50 %) inside the region (a region drawn loosely
 *    around a small drawing);
 * 3. else nothing: the note stays on a bare area of the board.
 * Items are above easels; among items, later in `candidates` means higher.
 */
import type { Box } from '../geometry/box';

export interface TargetCandidate {
  id: string;
  box: Box;
  /** Easels sit under every item. */
  easel?: boolean;
}

const area = (b: Box): number => Math.max(0, b.maxX - b.minX) * Math.max(0, b.maxY - b.minY);

function overlap(a: Box, b: Box): number {
  return area({ minX: Math.max(a.minX, b.minX), minY: Math.max(a.minY, b.minY), maxX: Math.min(a.maxX, b.maxX), maxY: Math.min(a.maxY, b.maxY) });
}

/** `candidates` bottom to top (easels may come anywhere: they count as below every item). */
export function chooseNoteTarget(region: Box, candidates: readonly TargetCandidate[]): TargetCandidate | null {
  const regionArea = area(region);
  if (regionArea <= 0) return null;
  const stack = [...candidates.filter((c) => c.easel), ...candidates.filter((c) => !c.easel)];
  for (let i = stack.length - 1; i >= 0; i--) {
    const c = stack[i]!;
    if (area(c.box) > 0 && overlap(region, c.box) > regionArea / 2) return c;
  }
  let best: TargetCandidate | null = null;
  for (const c of stack) {
    const a = area(c.box);
    if (a > 0 && overlap(region, c.box) > a / 2 && (!best || a > area(best.box))) best = c;
  }
  return best;
}
