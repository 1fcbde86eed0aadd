/**
 * The board area a spotlight shows (editor/spotlightRegion.ts: the easel and the ink of it that
 * runs past its edge), or a gallery (the same for every easel, joined), kept in step with the
 * drawing: board changes are looked at a few times a second at most, and a new box comes out only
 * when the region really changed, so the projector's camera and veil stay still while artists draw
 * inside their easels.
 */
import { useEffect, useMemo, useState } from 'react';
import type { SceneIndex } from '../editor/sceneIndex';
import { sameBox, spotlightRegion, type PlacedItem } from '../editor/spotlightRegion';
import { unionBox, type Box } from '../geometry/box';
import type { Board } from '../model/board';
import { easelBox } from '../model/easels';
import type { Easel } from '../model/schema';

const CHECK_MS = 300;

/** The region for the spotlighted easel, or for all easels of a gallery; null without either (or `easels` empty). */
export function useSpotlightRegion(board: Board | null, scene: (() => SceneIndex) | null, easels: readonly Easel[] | null): Box | null {
  const [state, setState] = useState<{ key: string; box: Box } | null>(null);
  const key = easels ? easels.map((e) => `${e.id}:${e.x},${e.y},${e.w},${e.h}`).join('|') : '';
  // Until the drawing has been looked at: the easels alone.
  const plain = useMemo(() => (easels && easels.length > 0 ? easels.map(easelBox).reduce(unionBox) : null), [easels]);

  useEffect(() => {
    if (!board || !scene || !easels || easels.length === 0) return;
    let pending = 0;
    const read = () => {
      pending = 0;
      const index = scene();
      const regionOf = (easel: Easel): Box => {
        const items: PlacedItem[] = [];
        for (const id of index.idsIn(easelBox(easel))) {
          const item = board.getItem(id);
          const box = index.boxOf(id);
          if (item && box) items.push({ author: item.author, x: item.x, y: item.y, box });
        }
        return spotlightRegion(easel, items);
      };
      const box = easels.map(regionOf).reduce(unionBox);
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
  }, [board, scene, easels, key]);

  if (!plain) return null;
  return state?.key === key ? state.box : plain;
}

