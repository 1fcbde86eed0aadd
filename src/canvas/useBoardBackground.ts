import { useEffect, type RefObject } from 'react';
import type { Editor } from '../editor/editor';

/** Dot spacing in board px. The dots move and scale with the camera so the board feels like paper. */
const GRID = 24;

/**
 * The warm paper and its dot grid are CSS on the host element, not a canvas layer: free to draw,
 * and the ink layers stay transparent (pixel checks and exports see only ink).
 */
export function useBoardBackground(ref: RefObject<HTMLElement | null>, editor: Editor): void {
  useEffect(() => {
    const apply = () => {
      const el = ref.current;
      if (!el) return;
      const { x, y, zoom } = editor.camera;
      // Below this zoom the dots would turn into a grey haze: hide them.
      const step = GRID * zoom;
      el.style.backgroundSize = step < 8 ? '0 0' : `${step}px ${step}px`;
      el.style.backgroundPosition = `${-x * zoom}px ${-y * zoom}px`;
    };
    apply();
    return editor.subscribe(apply);
  }, [ref, editor]);
}
