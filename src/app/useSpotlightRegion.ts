/**
 * The board area a spotlight shows (editor/spotlightRegion.ts: the easel and the ink of it that
 * runs past its edge), kept in step with the drawing: board changes are looked at a few times a
 * second at most, and a new box comes out only when the region really changed, so the projector's
 * camera and veil stay still while the artist draws inside their easel.
 */
import { useEffect, useMemo, useState } from 'react';
import type { SceneIndex } from '../editor/sceneIndex';
import { sameBox, spotlightRegion, type PlacedItem } from '../editor/spotlightRegion';
import type { Box } from '../geometry/box';
import type { Board } from '../model/board';
import { easelBox } from '../model/easels';
import type { Easel } from '../model/schema';

const CHECK_MS = 300;

/** The region for the spotlighted `easel`, or null without a spotlight. */
export function useSpotlightRegion(board: Board | null, scene: (() => SceneIndex) | null, easel: Easel | null): Box | null {
  const [state, setState] = useState<{ key: string; box: Box } | null>(null);
  const key = easel ? `${easel.id}:${easel.x},${easel.y},${easel.w},${easel.h}` : '';
  // Until the drawing has been looked at: the easel alone.
  const plain = useMemo(() => (easel ? easelBox(easel) : null), [easel]);

  useEffect(() => {
    if (!board || !scene || !easel) return;
    let pending = 0;
    const read = () => {
      pending = 0;
      const index = scene();
      const items: PlacedItem[] = [];
      for (const id of index.idsIn(easelBox(easel))) {
        const item = board.getItem(id);
        const box = index.boxOf(id);
        if (item && box) items.push({ author: item.author, x: item.x, y: item.y, box });
      }
      const box = spotlightRegion(easel, items);
      setState((prev) => (prev && prev.key === key && sameBox(prev.box, box) ? prev : { key, box }));
    };
    read();
    const off = board.subscribe(() => {
      if (!pending) pending = window.setTimeout(read, CHECK_MS);
    });
    return () => {
      off();
      if (pending) clearTimeout(pending);
    };
  }, [board, scene, easel, key]);

  if (!easel) return null;
  return state?.key === key ? state.box : plain;
}
